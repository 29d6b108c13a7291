namespace VendorRisk.Web.Features.Compare;

/// <summary>Series colours for up to 10 vendors, distinguishable and readable on light and dark surfaces.</summary>
public static class ChartPalette
{
    public static readonly string[] Colors =
    [
        "#3f7fd9", "#e8710a", "#2ca02c", "#d62f80", "#8c5cd6",
        "#17a2b8", "#b8860b", "#7f7f7f", "#c0392b", "#1abc9c",
    ];

    public static string For(int index) => Colors[index % Colors.Length];

    /// <summary>
    /// Each compared assessment's colour: that of its place in the ranking as the comparison opened (the PDF orders its own palette so). A
    /// choice's order no longer decides it, so the leader is blue however the assessments were picked, and a what-if
    /// that moves the ranking leaves every colour where it was.
    /// </summary>
    public static IReadOnlyDictionary<int, string> ByRanking(IEnumerable<int> rankedAssessmentIds) =>
        rankedAssessmentIds.Distinct().Select((id, rank) => (id, rank)).ToDictionary(x => x.id, x => For(x.rank));
}
