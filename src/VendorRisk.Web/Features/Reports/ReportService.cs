using VendorRisk.Web.Features.Observability;
using VendorRisk.Domain.Comparison;
using VendorRisk.Domain.Costs;
using VendorRisk.Reports;
using VendorRisk.Reports.Models;
using VendorRisk.Web.Features.Compare;

namespace VendorRisk.Web.Features.Reports;

/// <summary>Lets at most two PDF renders run at once across the whole app; the others wait their turn.</summary>
public sealed class ReportRenderGate
{
    public const int MaxConcurrentRenders = 2;
    private readonly SemaphoreSlim _slots = new(MaxConcurrentRenders, MaxConcurrentRenders);

    public async Task<T> RunAsync<T>(Func<T> render, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        try
        {
            // Off the caller's thread: a circuit's UI stays responsive while Skia lays out pages.
            return await Task.Run(render, cancellationToken);
        }
        finally
        {
            _slots.Release();
        }
    }
}

/// <summary>Maps scored assessments and comparisons to the report models and renders them.</summary>
public sealed class ReportService(
    AssessmentReader reader,
    CompareService compare,
    IReportRenderer renderer,
    ReportRenderGate gate,
    UseCasePipeline pipeline,
    TimeProvider clock,
    Findings.FindingReportData findings,
    EvidenceFiles.EvidenceReportData evidence) : IComparisonPdf
{
    public async Task<ReportFile> RenderAssessmentPdfAsync(int id, CancellationToken cancellationToken = default)
    {
        await pipeline.AuthorizeAsync(new ExportReports(), cancellationToken);
        var snapshot = await reader.GetAsync(id, cancellationToken);
        var model = await findings.AddToAsync(ReportModels.Assessment(snapshot, clock.GetUtcNow()), snapshot, cancellationToken);
        model = await evidence.AddToAsync(model, id, cancellationToken);
        var bytes = await VendorRiskTelemetry.MeasureRenderAsync("assessment", () => gate.RunAsync(() => renderer.RenderAssessment(model, cancellationToken), cancellationToken));
        var name = Slug($"{snapshot.Label} {snapshot.Title}", 80);
        return new ReportFile($"vendor-risk-{(name.Length > 0 ? name : $"assessment-{id}")}-{clock.Today():yyyy-MM-dd}.pdf", bytes);
    }

    /// <param name="profile">A profile name or the inline form (see <see cref="CompareService.ResolveProfileAsync"/>); null for none.</param>
    /// <param name="weightingName">The name printed for a non-default weighting. With no multipliers, a saved weighting of that name supplies them.</param>
    public async Task<ReportFile> RenderComparisonPdfAsync(IReadOnlyList<int> ids, IReadOnlyDictionary<string, double>? multipliers,
        string? profile, string? weightingName, CancellationToken cancellationToken = default)
    {
        var actor = await pipeline.AuthorizeAsync(new ComparisonReportQuery(weightingName), cancellationToken);
        var named = await compare.ResolveProfileAsync(profile, cancellationToken);
        weightingName = string.IsNullOrWhiteSpace(weightingName) ? null : weightingName.Trim();

        if ((multipliers is null || multipliers.Count == 0) && weightingName is not null && ids.Count > 0)
        {
            // The set key is only known once loaded; a first load without multipliers is cheap and tells it.
            var plain = await compare.LoadAsync(ids, null, null, cancellationToken);
            var saved = (await compare.ListWeightingsAsync(plain.Result.QuestionSetKey, cancellationToken))
                .FirstOrDefault(w => string.Equals(w.Name, weightingName, StringComparison.OrdinalIgnoreCase));
            multipliers = saved?.Multipliers;
        }

        var loaded = await compare.LoadAsync(ids, multipliers, named?.Profile, cancellationToken);
        var model = await findings.AddToAsync(
            ReportModels.Comparison(loaded.Result, loaded.Snapshots, weightingName, named, clock.GetUtcNow()) with { PreparedBy = actor.Name },
            loaded.Result.Ranking.Select(r => r.AssessmentId).ToList(), cancellationToken);
        var bytes = await VendorRiskTelemetry.MeasureRenderAsync("comparison", () => gate.RunAsync(() => renderer.RenderComparison(model, cancellationToken), cancellationToken));
        return new ReportFile($"vendor-comparison-{clock.Today():yyyy-MM-dd}.pdf", bytes);
    }

    public static string StatusText(AssessmentStatus status) => status switch
    {
        AssessmentStatus.Draft => "Draft",
        AssessmentStatus.Submitted => "Submitted",
        AssessmentStatus.Approved => "Approved",
        AssessmentStatus.ApprovedWithConditions => "Approved with conditions",
        AssessmentStatus.Rejected => "Rejected",
        _ => KebabEnum.ToKebab(status),
    };

    /// <summary>Lower-case ASCII letters and digits joined by single hyphens, at most <paramref name="max"/> characters.</summary>
    public static string Slug(string text, int max)
    {
        var builder = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
                builder.Append(char.ToLowerInvariant(c));
            else if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && builder.Length > 0 && builder[^1] != '-')
                builder.Append('-');
        }

        var slug = builder.ToString().Trim('-');
        return slug.Length <= max ? slug : slug[..max].TrimEnd('-');
    }
}
