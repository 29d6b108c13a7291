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
    /// Each compared assessment's colour: that of its place in the ranking as the page loaded the comparison, the order
    /// in which the PDF of the same comparison colours its vendors. The order of choice no longer decides it, and a
    /// what-if on the page leaves every colour where it was (the PDF of a what-if ranks, and so colours, anew).
    /// </summary>
    public static IReadOnlyDictionary<int, string> ByRanking(IEnumerable<int> rankedAssessmentIds) =>
        rankedAssessmentIds.Distinct().Select((id, rank) => (id, rank)).ToDictionary(x => x.id, x => For(x.rank));
}
