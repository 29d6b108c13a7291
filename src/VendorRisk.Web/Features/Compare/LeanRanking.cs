using VendorRisk.Domain.Comparison;

namespace VendorRisk.Web.Features.Compare;

/// <summary>
/// A ranking as an open compare tab keeps it (ADR 0052): without each vendor's per-question scores, which the page never
/// shows from the ranking (its question table has its own cells) and which were the largest data a tab held.
/// </summary>
public static class LeanRanking
{
    public static IReadOnlyList<RankedAssessment> Of(IReadOnlyList<RankedAssessment> ranking) =>
        [.. ranking.Select(r => r with { Score = r.Score with { Questions = [] } })];
}
