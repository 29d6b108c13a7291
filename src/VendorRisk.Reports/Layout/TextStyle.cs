namespace VendorRisk.Reports.Layout;

/// <summary>Horizontal alignment of text within its box.</summary>
public enum TextAlign
{
    /// <summary>Lines start at the left edge.</summary>
    Left,
    /// <summary>Lines are centred.</summary>
    Center,
    /// <summary>Lines end at the right edge.</summary>
    Right,
}

/// <summary>How a run of text looks: size in points, weight, colour and line spacing.</summary>
/// <param name="Size">Font size in points.</param>
/// <param name="Bold">Whether the bold face is used.</param>
/// <param name="Color">Text colour.</param>
/// <param name="LineSpacing">Line height as a multiple of <paramref name="Size"/>.</param>
public sealed record TextStyle(float Size = 9.5f, bool Bold = false, SKColor Color = default, float LineSpacing = 1.35f)
{
    /// <summary>The colour actually drawn: black when <see cref="Color"/> was left at its default.</summary>
    public SKColor EffectiveColor => Color == default ? SKColors.Black : Color;

    /// <summary>Returns a copy in the bold face.</summary>
    public TextStyle AsBold() => this with { Bold = true };

    /// <summary>Returns a copy with another colour.</summary>
    public TextStyle WithColor(SKColor color) => this with { Color = color };

    /// <summary>Returns a copy with another size.</summary>
    public TextStyle WithSize(float size) => this with { Size = size };
}

/// <summary>A piece of text with one style; a paragraph is a sequence of runs.</summary>
/// <param name="Text">The text; <c>null</c> is treated as empty, <c>\n</c> is a hard line break.</param>
/// <param name="Style">Its style.</param>
public sealed record TextRun(string? Text, TextStyle Style);
