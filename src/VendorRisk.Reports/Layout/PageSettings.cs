namespace VendorRisk.Reports.Layout;

/// <summary>Distances on the four sides of a box, in points (1/72 inch).</summary>
public readonly record struct Thickness(float Left, float Top, float Right, float Bottom)
{
    /// <summary>The same distance on all four sides.</summary>
    public static Thickness All(float value) => new(value, value, value, value);

    /// <summary>One distance left and right, another top and bottom.</summary>
    public static Thickness Symmetric(float horizontal, float vertical) => new(horizontal, vertical, horizontal, vertical);
}

/// <summary>Page size, margins and the bands reserved for the running header and footer.</summary>
/// <param name="Width">Page width in points.</param>
/// <param name="Height">Page height in points.</param>
/// <param name="Margins">Distance from the paper edge to the body, header and footer included.</param>
/// <param name="HeaderHeight">Height of the header band at the top of the body area (0 for none).</param>
/// <param name="FooterHeight">Height of the footer band at the bottom of the body area (0 for none).</param>
public sealed record PageSettings(float Width, float Height, Thickness Margins, float HeaderHeight = 28, float FooterHeight = 28)
{
    /// <summary>ISO A4 portrait (595 × 842 pt) with 50 pt side margins.</summary>
    public static PageSettings A4 { get; } = new(595.28f, 841.89f, new Thickness(50, 36, 50, 32));

    /// <summary>US Letter portrait (612 × 792 pt) with 50 pt side margins.</summary>
    public static PageSettings Letter { get; } = new(612, 792, new Thickness(50, 36, 50, 32));

    /// <summary>Width available to content.</summary>
    public float BodyWidth => Width - Margins.Left - Margins.Right;

    /// <summary>Height available to content on each page, header and footer bands excluded.</summary>
    public float BodyHeight => Height - Margins.Top - Margins.Bottom - HeaderHeight - FooterHeight;

    /// <summary>Top edge of the content area.</summary>
    public float BodyTop => Margins.Top + HeaderHeight;
}
