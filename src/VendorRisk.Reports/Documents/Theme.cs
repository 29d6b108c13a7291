namespace VendorRisk.Reports.Documents;

/// <summary>The reports' restrained palette and type scale.</summary>
internal static class Theme
{
    public static readonly SKColor Ink = new(0x0F, 0x17, 0x2A);
    public static readonly SKColor Body = new(0x1E, 0x29, 0x3B);
    public static readonly SKColor Muted = new(0x64, 0x74, 0x8B);
    public static readonly SKColor Accent = new(0x1F, 0x4E, 0x79);
    public static readonly SKColor AccentLight = new(0xE8, 0xEF, 0xF6);
    public static readonly SKColor Rule = new(0xD5, 0xDA, 0xE1);
    public static readonly SKColor Danger = new(0xB4, 0x23, 0x18);
    public static readonly SKColor DangerLight = new(0xFD, 0xF0, 0xEE);
    public static readonly SKColor Best = new(0xE3, 0xF2, 0xE6);
    public static readonly SKColor Neutral = new(0x64, 0x74, 0x8B);

    public static readonly TextStyle Title = new(24, true, Ink, 1.2f);
    public static readonly TextStyle Kicker = new(9, true, Accent);
    public static readonly TextStyle H1 = new(16, true, Ink, 1.25f);
    public static readonly TextStyle H2 = new(12, true, Accent, 1.3f);
    public static readonly TextStyle H3 = new(10, true, Ink);
    public static readonly TextStyle Text = new(9.5f, false, Body, 1.4f);
    public static readonly TextStyle Strong = Text.AsBold();
    public static readonly TextStyle Small = new(8, false, Muted, 1.35f);
    public static readonly TextStyle SmallStrong = new(8, true, Body, 1.35f);
    public static readonly TextStyle Cell = new(8.5f, false, Body, 1.3f);

    public static SKColor Parse(string? hex) =>
        hex is not null && SKColor.TryParse(hex, out var color) ? color : Neutral;
}

/// <summary>Display formatting shared by the reports: invariant culture, half away from zero, "—" for null.</summary>
public static class ReportFormat
{
    /// <summary>The placeholder printed for a missing value.</summary>
    public const string Missing = "—";

    /// <summary>One decimal, half away from zero; "—" for null or non-finite.</summary>
    public static string Score(double? value) =>
        value is { } v && double.IsFinite(v)
            ? Math.Round(v, 1, MidpointRounding.AwayFromZero).ToString("0.0", CultureInfo.InvariantCulture)
            : Missing;

    /// <summary>A rating as a risk level, as the app says it: "High risk"; "No rating" for none.</summary>
    public static string Rating(string? label) =>
        string.IsNullOrWhiteSpace(label) ? "No rating"
        : label.Contains("risk", StringComparison.OrdinalIgnoreCase) ? label
        : label + " risk";

    /// <summary>A percentage with one decimal and a "%" sign.</summary>
    public static string Percent(double? value) => value is null ? Missing : Score(value) + " %";

    /// <summary>An answer fraction p as two decimals.</summary>
    public static string Fraction(double? value) =>
        value is { } v && double.IsFinite(v)
            ? Math.Round(v, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture)
            : Missing;

    /// <summary>A weight or multiplier: up to two decimals.</summary>
    public static string Number(double value) =>
        double.IsFinite(value) ? Math.Round(value, 2, MidpointRounding.AwayFromZero).ToString("0.##", CultureInfo.InvariantCulture) : Missing;

    /// <summary>US dollars, whole above $100, else with cents (scoring.md §8); "unknown" for null.</summary>
    public static string Usd(decimal? value) => value switch
    {
        null => "unknown",
        { } v when Math.Abs(v) > 100 => "$" + Math.Round(v, 0, MidpointRounding.AwayFromZero).ToString("#,0", CultureInfo.InvariantCulture),
        { } v => "$" + Math.Round(v, 2, MidpointRounding.AwayFromZero).ToString("#,0.00", CultureInfo.InvariantCulture),
    };

    /// <summary>ISO date; "—" for null.</summary>
    public static string Date(DateTimeOffset? value) =>
        value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? Missing;

    /// <summary>ISO date; "—" for null.</summary>
    public static string Date(DateOnly? value) =>
        value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? Missing;

    /// <summary>"accepted by … until …": who accepted a knockout's risk, as every report names it (scoring.md §4).</summary>
    public static string AcceptedBy(string acceptedBy, DateOnly until) => $"accepted by {Text(acceptedBy)} until {Date(until)}";

    /// <summary>Text or "—" when null or blank.</summary>
    public static string Text(string? value) => string.IsNullOrWhiteSpace(value) ? Missing : value;
}
