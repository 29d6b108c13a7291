using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace VendorRisk.Reports.Tests;

/// <summary>Reads rendered PDFs back with PdfPig.</summary>
public static class PdfText
{
    public static List<string> Pages(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPages().Select(p => p.Text).ToList();
    }

    public static List<List<Letter>> Letters(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPages().Select(p => p.Letters.ToList()).ToList();
    }

    /// <summary>
    /// Page text as a PDF reader that honours <c>/ActualText</c> sees it (Acrobat, poppler): letters inside an
    /// ActualText span read as that text. PdfPig's <see cref="Page.Text"/> gives only the glyphs' own mappings.
    /// </summary>
    public static List<string> PagesWithActualText(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPages().Select(WithActualText).ToList();
    }

    private static string WithActualText(Page page)
    {
        var replaced = new Dictionary<(double X, double Y, string Value), MarkedContentElement>();
        void Walk(IEnumerable<MarkedContentElement> elements, MarkedContentElement? spanned)
        {
            foreach (var element in elements)
            {
                var span = element.ActualText is not null ? element : spanned;
                if (span is not null)
                {
                    foreach (var letter in element.Letters)
                    {
                        replaced[Key(letter)] = span;
                    }
                }

                Walk(element.Children, span);
            }
        }

        Walk(page.GetMarkedContents(), null);
        var text = new System.Text.StringBuilder();
        MarkedContentElement? previous = null;
        foreach (var letter in page.Letters)
        {
            if (replaced.TryGetValue(Key(letter), out var span))
            {
                if (!ReferenceEquals(span, previous))
                {
                    text.Append(span.ActualText);
                }

                previous = span;
                continue;
            }

            previous = null;
            text.Append(letter.Value);
        }

        return text.ToString();
    }

    private static (double, double, string) Key(Letter letter) =>
        (Math.Round(letter.StartBaseLine.X, 3), Math.Round(letter.StartBaseLine.Y, 3), letter.Value);

    /// <summary>Each page's text in reading order: lines top to bottom (by baseline), letters left to right.</summary>
    public static List<string> VisualPages(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPages().Select(p => string.Join("\n", p.Letters
            .GroupBy(l => Math.Round(l.StartBaseLine.Y))
            .OrderByDescending(g => g.Key)
            .Select(g => string.Concat(g.OrderBy(l => l.StartBaseLine.X).Select(l => l.Value))))).ToList();
    }

    /// <summary>The one colour of the letters of <paramref name="part"/> where it follows <paramref name="after"/> (whitespace left out of both).</summary>
    public static SkiaSharp.SKColor InkOf(List<Letter> letters, string after, string part)
    {
        letters = [.. letters.Where(l => !string.IsNullOrWhiteSpace(l.Value))];
        (after, part) = (Squeeze(after), Squeeze(part));
        var text = string.Concat(letters.Select(l => l.Value));
        var at = text.IndexOf(after + part, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{after}{part}' not found");
        var colours = letters.Skip(at + after.Length).Take(part.Length).Select(l => l.Color.ToRGBValues())
            .Select(c => new SkiaSharp.SKColor((byte)Math.Round(c.r * 255), (byte)Math.Round(c.g * 255), (byte)Math.Round(c.b * 255))).Distinct().ToList();
        return Assert.Single(colours);
    }

    /// <summary>All text with whitespace removed, so wrapped phrases can be found.</summary>
    public static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
