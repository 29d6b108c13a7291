using VendorRisk.Domain.Comparison;
using VendorRisk.Domain.Costs;

namespace VendorRisk.Web.Features.Compare;

/// <summary>An assessment that can be picked for a comparison.</summary>
public sealed record CompareCandidate(
    int AssessmentId, int VendorId, string VendorName, string Title, AssessmentStatus Status,
    int QuestionSetVersion, double? Overall, string? Rating, DateTime LastActivity, int? ModelId = null, string? ModelName = null)
{
    /// <summary>"Vendor · Model" with an offering, else the vendor's name.</summary>
    public string Label => Domain.Models.ModelOfferingLimits.Label(VendorName, ModelName);
}

/// <param name="VendorCount">Vendors with at least one assessment of the set.</param>
public sealed record QuestionSetOption(string Key, string Title, int VendorCount);

/// <summary>A comparison with the snapshots and engine inputs behind it, in the order the ids were given.</summary>
public sealed record LoadedComparison(IReadOnlyList<AssessmentSnapshot> Snapshots, IReadOnlyList<ComparisonInput> Inputs, ComparisonResult Result);

public sealed record SavedWeightingInfo(string Name, string QuestionSetKey, IReadOnlyDictionary<string, double> Multipliers, string CreatedBy, DateTime CreatedAt);

/// <param name="IsPreset">A built-in preset (<see cref="WorkloadProfile.Presets"/>), not stored and not deletable.</param>
/// <param name="Assumes">For a preset: what it assumes, in words.</param>
public sealed record ProfileOption(string Name, WorkloadProfile Profile, bool IsPreset, string? Assumes = null);

/// <summary>Comparisons (scoring.md §7), saved what-if weightings and saved workload profiles.</summary>
public sealed class CompareService(
    IDbContextFactory<VendorRiskDbContext> dbFactory,
    AssessmentReader reader,
    UseCasePipeline pipeline,
    TimeProvider clock)
{
    public const int NameMaxLength = 100;
    public const string WeightingEntityType = "saved-weighting";
    public const string ProfileEntityType = "workload-profile";

    public async Task<ComparisonResult> CompareAsync(IReadOnlyList<int> ids, IReadOnlyDictionary<string, double>? multipliers = null,
        WorkloadProfile? profile = null, CancellationToken cancellationToken = default) =>
        (await LoadAsync(ids, multipliers, profile, cancellationToken)).Result;

    /// <exception cref="ValidationFailedException">On <c>ids</c> or <c>multipliers</c> when the rules refuse the comparison.</exception>
    public async Task<LoadedComparison> LoadAsync(IReadOnlyList<int> ids, IReadOnlyDictionary<string, double>? multipliers = null,
        WorkloadProfile? profile = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        await pipeline.AuthorizeAsync(new ComparisonQuery(ids), cancellationToken);

        var found = (await reader.ListAsync(new AssessmentFilter(Ids: [.. ids]), cancellationToken)).ToDictionary(s => s.Id);
        var missing = ids.Where(id => !found.ContainsKey(id)).ToList();
        if (missing.Count > 0)
            throw new NotFoundException($"No assessment with id {string.Join(", ", missing)}.");

        var snapshots = ids.Select(id => found[id]).ToList();
        var inputs = snapshots.Select(ToInput).ToList();
        try
        {
            return new LoadedComparison(snapshots, inputs, ComparisonEngine.Compare(inputs, multipliers, profile));
        }
        catch (ComparisonRefusedException refused)
        {
            throw RequestRefusals.One(refused.Field, refused.Message);
        }
    }

    public static ComparisonInput ToInput(AssessmentSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return new ComparisonInput(snapshot.Id, snapshot.VendorId, snapshot.VendorName, snapshot.QuestionSet, snapshot.AnswerValues, snapshot.AsOf,
            snapshot.ModelId, snapshot.ModelName) { Acceptances = snapshot.Acceptances };
    }

    /// <summary>Question sets that have at least one assessment, by title, with how many vendors they cover.</summary>
    public async Task<IReadOnlyList<QuestionSetOption>> ListQuestionSetsAsync(CancellationToken cancellationToken = default)
    {
        await pipeline.AuthorizeAsync(new CompareAssessments(), cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var sets = await db.Assessments.AsNoTracking()
            .Select(a => new { a.QuestionSetVersion.QuestionSet.Key, a.QuestionSetVersion.QuestionSet.Title, a.VendorId })
            .Distinct()
            .ToListAsync(cancellationToken);
        return [.. sets.GroupBy(s => (s.Key, s.Title))
            .OrderBy(g => g.Key.Title, StringComparer.CurrentCultureIgnoreCase)
            .Select(g => new QuestionSetOption(g.Key.Key, g.Key.Title, g.Count()))];
    }

    /// <summary>Every assessment of the set, by vendor name, newest first within a vendor.</summary>
    public async Task<IReadOnlyList<CompareCandidate>> ListCandidatesAsync(string questionSetKey, CancellationToken cancellationToken = default) =>
        [.. (await CandidatesAsync(questionSetKey, cancellationToken))
            .OrderBy(c => c.VendorName, StringComparer.CurrentCultureIgnoreCase)
            .ThenBy(c => c.ModelName ?? "", StringComparer.CurrentCultureIgnoreCase)
            .ThenByDescending(c => c.LastActivity)
            .ThenByDescending(c => c.AssessmentId)];

    /// <summary>
    /// For each vendor, and each model offering of it, the latest approved (or approved-with-conditions) assessment of the set,
    /// else its latest; at most 10.
    /// </summary>
    public async Task<IReadOnlyList<int>> DefaultSelectionAsync(string questionSetKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(questionSetKey);
        return [.. (await CandidatesAsync(questionSetKey, cancellationToken))
            .GroupBy(c => (c.VendorId, c.ModelId))
            .Select(PreferredOf)
            .OrderBy(c => c.VendorName, StringComparer.CurrentCultureIgnoreCase)
            .ThenBy(c => c.ModelName ?? "", StringComparer.CurrentCultureIgnoreCase)
            .Take(ComparisonEngine.MaxAssessments)
            .Select(c => c.AssessmentId)];
    }

    /// <summary>The assessment that stands for a vendor: its latest approved one, else its latest.</summary>
    public static CompareCandidate PreferredOf(IEnumerable<CompareCandidate> vendorAssessments)
    {
        var list = vendorAssessments.ToList();
        var approved = list.Where(c => c.Status is AssessmentStatus.Approved or AssessmentStatus.ApprovedWithConditions)
            .OrderByDescending(c => c.LastActivity).ThenByDescending(c => c.AssessmentId)
            .FirstOrDefault();
        return approved ?? list.OrderByDescending(c => c.LastActivity).ThenByDescending(c => c.AssessmentId).First();
    }

    /// <summary>The set's assessments from their stored scores (ADR 0026): no answer is read, nothing is re-scored.</summary>
    private async Task<List<CompareCandidate>> CandidatesAsync(string questionSetKey, CancellationToken cancellationToken)
    {
        await pipeline.AuthorizeAsync(new CompareAssessments(), cancellationToken);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Assessments.AsNoTracking()
            .Where(a => a.QuestionSetVersion.QuestionSet.Key == questionSetKey)
            .Select(a => new
            {
                a.Id, a.VendorId, VendorName = a.Vendor.Name, a.Title, a.Status, a.QuestionSetVersion.Number, a.ScoreOverall,
                Rating = a.ScoreRatingUntil != null && a.ScoreRatingUntil < today ? a.ScoreCappedRating : a.ScoreRating,
                a.CreatedAt, a.SubmittedAt, a.ReviewedAt, a.ModelOfferingId, ModelName = a.ModelOffering == null ? null : a.ModelOffering.Name,
            })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new CompareCandidate(r.Id, r.VendorId, r.VendorName, r.Title, r.Status, r.Number, r.ScoreOverall, r.Rating,
            r.ReviewedAt ?? r.SubmittedAt ?? r.CreatedAt, r.ModelOfferingId, r.ModelName))];
    }

    public async Task<IReadOnlyList<SavedWeightingInfo>> ListWeightingsAsync(string questionSetKey, CancellationToken cancellationToken = default)
    {
        await pipeline.AuthorizeAsync(new ReadSavedWeightings(), cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.SavedWeightings.AsNoTracking().Where(w => w.QuestionSetKey == questionSetKey).ToListAsync(cancellationToken);
        return [.. rows.OrderBy(w => w.Name, StringComparer.CurrentCultureIgnoreCase)
            .Select(w => new SavedWeightingInfo(w.Name, w.QuestionSetKey, w.Multipliers, w.CreatedBy, w.CreatedAt))];
    }

    /// <summary>Saves (or replaces) a named weighting: <see cref="SavedComparisonSettingsHandler"/>.</summary>
    public Task<SavedWeightingInfo> SaveWeightingAsync(string name, string questionSetKey, IReadOnlyDictionary<string, double> multipliers,
        CancellationToken cancellationToken = default) =>
        pipeline.RunAsync(new SaveWeightingRequest(name, questionSetKey, multipliers), cancellationToken);

    public Task DeleteWeightingAsync(string name, string questionSetKey, CancellationToken cancellationToken = default) =>
        pipeline.RunAsync(new DeleteWeightingRequest(name, questionSetKey), cancellationToken);

    /// <summary>The presets first, then the saved profiles by name.</summary>
    public async Task<IReadOnlyList<ProfileOption>> ListProfilesAsync(CancellationToken cancellationToken = default)
    {
        await pipeline.AuthorizeAsync(new ReadWorkloadProfiles(), cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var saved = await db.WorkloadProfiles.AsNoTracking().ToListAsync(cancellationToken);
        return [
            .. WorkloadProfile.Presets.Select(p => new ProfileOption(p.Name, p.Profile, true, p.Assumes)),
            .. saved.OrderBy(p => p.Name, StringComparer.CurrentCultureIgnoreCase)
                .Select(p => new ProfileOption(p.Name, p.ToProfile(), false)),
        ];
    }

    /// <summary>Saves (or replaces) a named workload profile: <see cref="SavedComparisonSettingsHandler"/>.</summary>
    public Task<ProfileOption> SaveProfileAsync(string name, WorkloadProfile profile, CancellationToken cancellationToken = default) =>
        pipeline.RunAsync(new SaveProfileRequest(name, profile), cancellationToken);

    public Task DeleteProfileAsync(string name, CancellationToken cancellationToken = default) =>
        pipeline.RunAsync(new DeleteProfileRequest(name), cancellationToken);

    /// <summary>
    /// A preset or saved profile by name (ignoring case), or the inline form
    /// <c>inputTokens:…,outputTokens:…,peak:…,agentic:…</c> (named "custom"); null for no profile.
    /// </summary>
    /// <exception cref="ValidationFailedException">On <c>profile</c>: an unknown name or a malformed inline profile.</exception>
    public async Task<NamedWorkloadProfile?> ResolveProfileAsync(string? nameOrInline, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(nameOrInline))
            return null;
        var text = nameOrInline.Trim();
        if (CompareQuery.LooksInline(text))
            return new NamedWorkloadProfile(CustomProfileName, CompareQuery.ParseInlineProfile(text));

        var match = (await ListProfilesAsync(cancellationToken))
            .FirstOrDefault(p => string.Equals(p.Name, text, StringComparison.OrdinalIgnoreCase));
        return match is null
            ? throw RequestRefusals.One(CompareQuery.ProfileField,
                $"No workload profile is named '{(text.Length > 60 ? text[..60] + "…" : text)}'. Use a preset ({string.Join(", ", WorkloadProfile.Presets.Select(p => p.Name))}), a saved profile, or inputTokens:…,outputTokens:…,…")
            : new NamedWorkloadProfile(match.Name, match.Profile, match.Assumes);
    }

    public const string CustomProfileName = "custom";
}
