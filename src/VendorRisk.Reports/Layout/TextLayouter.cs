namespace VendorRisk.Reports.Layout;

/// <summary>Shapes styled runs with HarfBuzz and breaks them into lines no wider than a given width.</summary>
internal static partial class TextLayouter
{
    private readonly record struct Span(int Start, int End, TextStyle Style);

    public static List<TextLine> Layout(FontLibrary fonts, IReadOnlyList<TextRun> runs, float maxWidth)
    {
        var (text, spans) = Prepare(fonts, runs);
        var lines = new List<TextLine>();
        var fallbackStyle = runs.Count > 0 ? runs[0].Style : new TextStyle();
        var paragraphStart = 0;
        while (true)
        {
            var newline = text.IndexOf('\n', paragraphStart);
            var end = newline < 0 ? text.Length : newline;
            LayoutParagraph(fonts, text, spans, paragraphStart, end, maxWidth, lines, StyleAt(spans, paragraphStart) ?? fallbackStyle);
            if (newline < 0)
            {
                break;
            }

            paragraphStart = newline + 1;
        }

        return lines;
    }

    /// <summary>Joins the runs, cleaning controls and replacing characters no font has with U+FFFD.</summary>
    private static (string Text, List<Span> Spans) Prepare(FontLibrary fonts, IReadOnlyList<TextRun> runs)
    {
        var sb = new StringBuilder();
        var spans = new List<Span>(runs.Count);
        foreach (var run in runs)
        {
            var clean = TextSanitizer.Clean(run.Text);
            var start = sb.Length;
            foreach (var rune in clean.EnumerateRunes())
            {
                var cp = rune.Value;
                if (cp == '\n' || TextSanitizer.IsDefaultIgnorable(cp) || fonts.Resolve(cp, run.Style.Bold) is not null)
                {
                    sb.Append(rune.ToString());
                }
                else
                {
                    sb.Append((char)FontLibrary.ReplacementCharacter);
                }
            }

            if (sb.Length > start)
            {
                spans.Add(new Span(start, sb.Length, run.Style));
            }
        }

        return (sb.ToString(), spans);
    }

    private static TextStyle? StyleAt(List<Span> spans, int index)
    {
        foreach (var s in spans)
        {
            if (index >= s.Start && index < s.End)
            {
                return s.Style;
            }
        }

        return null;
    }

    private static void LayoutParagraph(FontLibrary fonts, string text, List<Span> spans, int start, int end,
        float maxWidth, List<TextLine> lines, TextStyle emptyStyle)
    {
        if (start >= end)
        {
            var face = fonts.Main(emptyStyle.Bold);
            lines.Add(EmptyLine(face, emptyStyle));
            return;
        }

        var glyphs = new List<ShapedGlyph>(end - start);
        var styles = new List<TextStyle>(end - start);
        foreach (var span in spans)
        {
            var s = Math.Max(span.Start, start);
            var e = Math.Min(span.End, end);
            if (s >= e)
            {
                continue;
            }

            // Segment the span into ranges drawn by one face, then shape each range.
            var segStart = s;
            FontFace? segFace = null;
            var segRightToLeft = false;
            var i = s;
            while (i < e)
            {
                var cp = char.ConvertToUtf32OrSelf(text, i, out var units);
                var ignorable = TextSanitizer.IsDefaultIgnorable(cp);
                var face = ignorable
                    ? segFace ?? fonts.Main(span.Style.Bold)
                    : fonts.Resolve(cp, span.Style.Bold) ?? fonts.Main(span.Style.Bold);
                var rightToLeft = ignorable ? segRightToLeft : IsRightToLeft(text, i);
                if (segFace is not null && (!ReferenceEquals(face, segFace) || rightToLeft != segRightToLeft))
                {
                    Shape(segFace, text, segStart, i, span.Style, glyphs, styles, segRightToLeft);
                    segStart = i;
                }

                segFace = face;
                segRightToLeft = rightToLeft;
                i += units;
            }

            if (segFace is not null)
            {
                Shape(segFace, text, segStart, e, span.Style, glyphs, styles, segRightToLeft);
            }
        }

        BreakLines(text, end, glyphs, styles, maxWidth, lines);
    }

    private static void Shape(FontFace face, string text, int start, int end, TextStyle style,
        List<ShapedGlyph> glyphs, List<TextStyle> styles, bool rightToLeft)
    {
        var before = glyphs.Count;
        face.Shape(text, start, end - start, glyphs, rightToLeft);
        for (var k = before; k < glyphs.Count; k++)
        {
            styles.Add(style);
        }
    }

    private static void BreakLines(string text, int paragraphEnd, List<ShapedGlyph> glyphs, List<TextStyle> styles, float maxWidth, List<TextLine> lines)
    {
        var lineStart = 0;
        while (lineStart < glyphs.Count)
        {
            var x = 0f;
            var lastBreak = -1;
            var lineEnd = glyphs.Count;
            for (var g = lineStart; g < glyphs.Count; g++)
            {
                var cluster = glyphs[g].Cluster;
                if (g > lineStart && cluster != glyphs[g - 1].Cluster && CanBreakBefore(text, cluster))
                {
                    lastBreak = g;
                }

                var advance = glyphs[g].Advance * styles[g].Size;
                if (!IsSpace(text[cluster]) && x + advance > maxWidth && g > lineStart)
                {
                    if (lastBreak > lineStart)
                    {
                        lineEnd = lastBreak;
                    }
                    else
                    {
                        // A word longer than the line: break it between clusters.
                        lineEnd = g;
                        while (lineEnd > lineStart + 1 && glyphs[lineEnd].Cluster == glyphs[lineEnd - 1].Cluster)
                        {
                            lineEnd--;
                        }
                    }

                    break;
                }

                x += advance;
            }

            // Trailing spaces are not drawn: they would sit past the right edge.
            var drawnEnd = lineEnd;
            while (drawnEnd > lineStart + 1 && IsSpace(text[glyphs[drawnEnd - 1].Cluster]))
            {
                drawnEnd--;
            }

            lines.Add(BuildLine(text, paragraphEnd, glyphs, styles, lineStart, drawnEnd));
            lineStart = lineEnd;
        }
    }

    private static bool IsSpace(char c) => c == ' ' || c == '\u3000';

    private static bool CanBreakBefore(string text, int index)
    {
        if (index <= 0 || index >= text.Length)
        {
            return false;
        }

        var prev = text[index - 1];
        var cur = text[index];
        if (IsSpace(cur))
        {
            return false;
        }

        return IsSpace(prev)
            || ((prev == '-' || prev == '/') && char.IsLetterOrDigit(cur))
            || IsWide(cur) || IsWide(prev);
    }

    // CJK text has no spaces: a line may break between any two ideographs, kana or hangul.
    private static bool IsWide(char c) =>
        c is (>= '\u2E80' and <= '\u9FFF') or (>= '\uAC00' and <= '\uD7AF') or (>= '\uF900' and <= '\uFAFF')
            or (>= '\uFF00' and <= '\uFFEF') || char.IsSurrogate(c);

    private static TextLine BuildLine(string text, int paragraphEnd, List<ShapedGlyph> glyphs, List<TextStyle> styles, int start, int end)
    {
        var runs = new List<GlyphRun>();
        var x = 0f;
        var inkWidth = 0f;
        var height = 0f;
        var ascent = 0f;
        var descent = 0f;
        var runStart = start;
        var positions = new List<SKPoint>();
        var visualX = VisualPositions(text, glyphs, styles, start, end);
        for (var g = start; g <= end; g++)
        {
            if (g == end || (g > runStart && (!ReferenceEquals(glyphs[g].Face, glyphs[runStart].Face) || styles[g] != styles[runStart])))
            {
                if (g > runStart)
                {
                    var ids = new ushort[g - runStart];
                    var clusters = new int[g - runStart];
                    var textStart = glyphs[runStart].Cluster;
                    var textEnd = ClusterEnd(glyphs, g - 1, paragraphEnd);
                    for (var k = runStart; k < g; k++)
                    {
                        ids[k - runStart] = glyphs[k].Glyph;
                        clusters[k - runStart] = glyphs[k].Cluster - textStart;
                    }

                    runs.Add(new GlyphRun(glyphs[runStart].Face, styles[runStart], ids, positions.ToArray(),
                        text[textStart..textEnd], clusters));
                    positions.Clear();
                }

                runStart = g;
                if (g == end)
                {
                    break;
                }
            }

            var glyph = glyphs[g];
            var size = styles[g].Size;
            positions.Add(new SKPoint(visualX[g - start] + glyph.OffsetX * size, -glyph.OffsetY * size));
            x += glyph.Advance * size;
            if (!IsSpace(text[glyph.Cluster]))
            {
                inkWidth = x;
            }

            height = Math.Max(height, size * styles[g].LineSpacing);
            ascent = Math.Max(ascent, glyph.Face.Ascent * size);
            descent = Math.Max(descent, glyph.Face.Descent * size);
        }

        height = Math.Max(height, ascent + descent);
        var baseline = (height - (ascent + descent)) / 2 + ascent;
        return new TextLine(runs, inkWidth, height, baseline);
    }

    /// <summary>Where the cluster of glyph <paramref name="g"/> ends in the text (clusters ascend: shaping is left to right).</summary>
    private static int ClusterEnd(List<ShapedGlyph> glyphs, int g, int paragraphEnd)
    {
        for (var k = g + 1; k < glyphs.Count; k++)
        {
            if (glyphs[k].Cluster != glyphs[g].Cluster)
            {
                return Math.Min(glyphs[k].Cluster, paragraphEnd);
            }
        }

        return paragraphEnd;
    }

    private static TextLine EmptyLine(FontFace face, TextStyle style)
    {
        var ascent = face.Ascent * style.Size;
        var descent = face.Descent * style.Size;
        var height = Math.Max(style.Size * style.LineSpacing, ascent + descent);
        return new TextLine([], 0, height, (height - (ascent + descent)) / 2 + ascent);
    }
}
