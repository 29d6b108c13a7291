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

    /// <summary>Each page's text in reading order: lines top to bottom (by baseline), letters left to right.</summary>
    public static List<string> VisualPages(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPages().Select(p => string.Join("\n", p.Letters
            .GroupBy(l => Math.Round(l.StartBaseLine.Y))
            .OrderByDescending(g => g.Key)
            .Select(g => string.Concat(g.OrderBy(l => l.StartBaseLine.X).Select(l => l.Value))))).ToList();
    }

    /// <summary>All text with whitespace removed, so wrapped phrases can be found.</summary>
    public static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
