namespace VendorRisk.Reports.Layout;

internal static partial class TextLayouter
{
    /// <summary>
    /// The x of each glyph of a line. Glyphs stay in logical order (that is the order of the PDF's text), but a
    /// right-to-left stretch (Arabic, Hebrew, and the spaces and punctuation between such letters) is placed
    /// right to left, so it reads correctly and text extractors see right-to-left text. A simplification of the
    /// Unicode bidi algorithm: the paragraph direction is left to right and digits stay left to right.
    /// </summary>
    private static float[] VisualPositions(string text, List<ShapedGlyph> glyphs, List<TextStyle> styles, int start, int end)
    {
        var xs = new float[end - start];
        var x = 0f;
        var g = start;
        while (g < end)
        {
            if (!IsRightToLeft(text, glyphs[g].Cluster))
            {
                xs[g - start] = x;
                x += glyphs[g].Advance * styles[g].Size;
                g++;
                continue;
            }

            // Extend over neutrals only while another right-to-left letter follows within the line.
            var last = g;
            for (var k = g + 1; k < end; k++)
            {
                if (IsRightToLeft(text, glyphs[k].Cluster))
                {
                    last = k;
                }
                else if (!IsNeutral(text[glyphs[k].Cluster]))
                {
                    break;
                }
            }

            var width = 0f;
            for (var k = g; k <= last; k++)
            {
                width += glyphs[k].Advance * styles[k].Size;
            }

            var right = x + width;
            for (var k = g; k <= last; k++)
            {
                right -= glyphs[k].Advance * styles[k].Size;
                xs[k - start] = right;
            }

            x += width;
            g = last + 1;
        }

        return xs;
    }

    private static bool IsRightToLeft(string text, int index)
    {
        var c = text[index];
        return c is (>= '\u0590' and <= '\u08FF') or (>= '\uFB1D' and <= '\uFDFF') or (>= '\uFE70' and <= '\uFEFF')
            && !char.IsDigit(c) && !IsNeutral(c);
    }

    private static bool IsNeutral(char c) => char.IsWhiteSpace(c) || char.IsPunctuation(c) || char.IsSymbol(c) || c == '\u200C' || c == '\u200D';
}
