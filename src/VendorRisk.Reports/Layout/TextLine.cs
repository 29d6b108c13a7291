namespace VendorRisk.Reports.Layout;

/// <summary>A run of glyphs in one face, size and colour, positioned relative to its line.</summary>
internal sealed class GlyphRun(FontFace face, TextStyle style, ushort[] glyphs, SKPoint[] positions, string text, int[] clusters)
{
    public FontFace Face { get; } = face;
    public TextStyle Style { get; } = style;
    public ushort[] Glyphs { get; } = glyphs;
    /// <summary>x from the line start, y from the baseline (down positive).</summary>
    public SKPoint[] Positions { get; } = positions;
    /// <summary>The characters the glyphs stand for, so the PDF can say what was written.</summary>
    public string Text { get; } = text;
    /// <summary>Per glyph, the UTF-16 offset into <see cref="Text"/> of the cluster it belongs to.</summary>
    public int[] Clusters { get; } = clusters;

    /// <summary>Per glyph, the first code point of its cluster: the character the glyph was shaped for.</summary>
    public int CodePointAt(int glyph) => char.ConvertToUtf32OrSelf(Text, Clusters[glyph], out _);

    /// <summary>
    /// Writes the run into a text blob with its UTF-8 text and clusters: Skia then adds an ActualText span
    /// wherever a glyph's own Unicode mapping differs from what was written (Arabic joining forms, ligatures).
    /// </summary>
    public void Fill(SKTextBlobBuilder builder, SKFont font, float originX, float baseline)
    {
        var utf8 = Encoding.UTF8.GetBytes(Text);
        var buffer = builder.AllocatePositionedTextRun(font, Glyphs.Length, utf8.Length);
        var glyphs = buffer.Glyphs;
        var points = buffer.Positions;
        var clusters = buffer.Clusters;
        for (var i = 0; i < Glyphs.Length; i++)
        {
            glyphs[i] = Glyphs[i];
            points[i] = new SKPoint(originX + Positions[i].X, baseline + Positions[i].Y);
            clusters[i] = (uint)Encoding.UTF8.GetByteCount(Text.AsSpan(0, Clusters[i]));
        }

        utf8.CopyTo(buffer.Text);
    }
}

/// <summary>One laid-out line of text.</summary>
internal sealed class TextLine(IReadOnlyList<GlyphRun> runs, float width, float height, float baseline)
{
    public IReadOnlyList<GlyphRun> Runs { get; } = runs;
    /// <summary>Ink width without trailing spaces.</summary>
    public float Width { get; } = width;
    public float Height { get; } = height;
    /// <summary>Distance from the line top to the baseline.</summary>
    public float Baseline { get; } = baseline;

    public void Draw(DrawContext context, float x, float top, float boxWidth, TextAlign align)
    {
        var dx = align switch
        {
            TextAlign.Right => boxWidth - Width,
            TextAlign.Center => (boxWidth - Width) / 2,
            _ => 0,
        };
        var originX = x + Math.Max(0, dx);
        var baseline = top + Baseline;
        foreach (var run in Runs)
        {
            if (context.CollectGlyphs)
            {
                context.NoteGlyphs(run);
                continue;
            }

            var font = context.Font(run.Face, run.Style.Size);
            using var builder = new SKTextBlobBuilder();
            run.Fill(builder, font, originX, baseline);
            using var blob = builder.Build();
            if (blob is not null)
            {
                context.Canvas.DrawText(blob, 0, 0, context.Fill(run.Style.EffectiveColor));
            }
        }
    }
}
