namespace VendorRisk.Reports.Layout;

/// <summary>
/// Per-render drawing state: the current canvas and cached Skia fonts and paints. A context either
/// collects the glyphs a document draws (<see cref="CollectGlyphs"/>) or draws for real, with each face
/// swapped for its per-document subset where one was made (<see cref="UseSubsets"/>).
/// </summary>
internal sealed class DrawContext(FontLibrary fonts) : IDisposable
{
    private readonly Dictionary<(FontFace, float), SKFont> _fonts = [];
    private readonly Dictionary<FontFace, HashSet<ushort>> _usedGlyphs = [];
    private readonly Dictionary<FontFace, HashSet<uint>> _writtenCodePoints = [];
    private readonly Dictionary<FontFace, SKTypeface> _subsets = [];
    private readonly SKPaint _fill = new() { IsAntialias = true, Style = SKPaintStyle.Fill };
    private readonly SKPaint _stroke = new() { IsAntialias = true, Style = SKPaintStyle.Stroke };

    public FontLibrary Fonts { get; } = fonts;

    public SKCanvas Canvas { get; set; } = null!;

    public int PageNumber { get; set; }

    public int PageCount { get; set; }

    /// <summary>When set, text is not drawn: its glyphs are only noted per face.</summary>
    public bool CollectGlyphs { get; init; }

    public void NoteGlyphs(GlyphRun run)
    {
        if (!_usedGlyphs.TryGetValue(run.Face, out var used))
        {
            used = [];
            _usedGlyphs[run.Face] = used;
            _writtenCodePoints[run.Face] = [];
        }

        used.UnionWith(run.Glyphs);
        var written = _writtenCodePoints[run.Face];
        for (var i = 0; i < run.Glyphs.Length; i++)
        {
            written.Add((uint)run.CodePointAt(i));
        }
    }

    /// <summary>Subsets every face the collecting pass saw; faces that cannot be subset stay whole.</summary>
    public void UseSubsets(DrawContext collected)
    {
        foreach (var (face, glyphs) in collected._usedGlyphs)
        {
            if (FontSubsetter.Subset(face, glyphs, collected._writtenCodePoints[face]) is { } subset)
            {
                _subsets[face] = subset;
            }
        }
    }

    public SKFont Font(FontFace face, float size)
    {
        if (!_fonts.TryGetValue((face, size), out var font))
        {
            var typeface = _subsets.TryGetValue(face, out var subset) ? subset : face.Typeface;
            font = new SKFont(typeface, size) { Subpixel = true, LinearMetrics = true };
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

        foreach (var subset in _subsets.Values)
        {
            subset.Dispose();
        }

        _fill.Dispose();
        _stroke.Dispose();
    }
}
