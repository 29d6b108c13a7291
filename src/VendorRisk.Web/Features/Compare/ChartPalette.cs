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
}
