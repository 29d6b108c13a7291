namespace VendorRisk.Web.Features.Compare;

/// <summary>
/// The comparison as a PDF. The reports feature renders it (it builds on this one), so the page asks through this
/// interface rather than knowing the reports feature.
/// </summary>
public interface IComparisonPdf
{
    /// <param name="profile">A profile name or the inline form (see <see cref="CompareService.ResolveProfileAsync"/>); null for none.</param>
    Task<ReportFile> RenderComparisonPdfAsync(IReadOnlyList<int> ids, IReadOnlyDictionary<string, double>? multipliers,
        string? profile, string? weightingName, CancellationToken cancellationToken = default);
}
