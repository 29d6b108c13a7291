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

    /// <summary>
    /// Draws text on one line, cut between whole characters with "…" where it would wrap: a running header that wrapped
    /// ran into its rule and the body below it.
    /// </summary>
    public void DrawOneLine(string? text, TextStyle style, float x, float top, float maxWidth, TextAlign align = TextAlign.Left)
    {
        var lines = TextLayouter.Layout(Fonts, [new TextRun(text, style)], maxWidth);
        if (lines.Count > 1 && !string.IsNullOrEmpty(text))
        {
            var starts = System.Globalization.StringInfo.ParseCombiningCharacters(text);
            List<TextLine> Cut(int kept) => TextLayouter.Layout(Fonts, [new TextRun(text[..starts[kept]].TrimEnd() + "…", style)], maxWidth);
            // The most whole characters that fit with the ellipsis (a search: layouts are cheap, and only long texts get here).
            int fits = 0, over = starts.Length;
            while (over - fits > 1)
            {
                var mid = (fits + over) / 2;
                if (Cut(mid).Count == 1)
                    fits = mid;
                else
                    over = mid;
            }
            lines = Cut(fits);
        }
        if (lines.Count > 0)
            lines[0].Draw(this, x, top, maxWidth, align);
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
