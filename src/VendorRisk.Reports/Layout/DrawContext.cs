using SkiaSharp;

namespace VendorRisk.Reports.Layout;

/// <summary>Per-render drawing state: the current canvas and cached Skia fonts and paints.</summary>
internal sealed class DrawContext(FontLibrary fonts) : IDisposable
{
    private readonly Dictionary<(FontFace, float), SKFont> _fonts = [];
    private readonly SKPaint _fill = new() { IsAntialias = true, Style = SKPaintStyle.Fill };
    private readonly SKPaint _stroke = new() { IsAntialias = true, Style = SKPaintStyle.Stroke };

    public FontLibrary Fonts { get; } = fonts;

    public SKCanvas Canvas { get; set; } = null!;

    public int PageNumber { get; set; }

    public int PageCount { get; set; }

    public SKFont Font(FontFace face, float size)
    {
        if (!_fonts.TryGetValue((face, size), out var font))
        {
            font = new SKFont(face.Typeface, size) { Subpixel = true, LinearMetrics = true };
            _fonts[(face, size)] = font;
        }

        return font;
    }

    public SKPaint Fill(SKColor color)
    {
        _fill.Color = color;
        return _fill;
    }

    public SKPaint Stroke(SKColor color, float width)
    {
        _stroke.Color = color;
        _stroke.StrokeWidth = width;
        _stroke.PathEffect = null;
        return _stroke;
    }

    /// <summary>Lays out and draws one line of text (wrapping if wider than <paramref name="maxWidth"/>); returns its height.</summary>
    public float DrawText(string? text, TextStyle style, float x, float top, float maxWidth, TextAlign align = TextAlign.Left)
    {
        var lines = TextLayouter.Layout(Fonts, [new TextRun(text, style)], maxWidth);
        var y = top;
        foreach (var line in lines)
        {
            line.Draw(this, x, y, maxWidth, align);
            y += line.Height;
        }

        return y - top;
    }

    public void Dispose()
    {
        foreach (var font in _fonts.Values)
        {
            font.Dispose();
        }

        _fill.Dispose();
        _stroke.Dispose();
    }
}
