using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;
using VendorRisk.Reports.Layout;

namespace VendorRisk.Reports.Tests.Layout;

/// <summary>The catalog names the document's language, and the file stays well formed after the edit.</summary>
public sealed class DocumentCatalogTests
{
    private static byte[] Render(string? language = null)
    {
        var document = new ReportDocument(PageSettings.A4) { Info = new DocumentInfo { Title = "Vendor report" } }
            .Add(new Paragraph("Assessment of Ünïcode Vendor 北京", new TextStyle(10)));
        if (language is not null)
        {
            document.Language = language;
        }

        return document.ToPdf(TestContext.Current.CancellationToken);
    }

    [Fact]
    public void The_document_language_is_english_by_default_and_can_be_set()
    {
        Assert.Equal("en", LanguageOf(Render()));
        Assert.Equal("de-CH", LanguageOf(Render("de-CH")));
    }

    [Fact]
    public void Every_cross_reference_entry_points_at_its_object_after_the_catalog_edit()
    {
        var pdf = Render();
        var text = Encoding.Latin1.GetString(pdf);

        var startXref = int.Parse(Regex.Match(text[text.LastIndexOf("startxref", StringComparison.Ordinal)..], @"startxref\s+(\d+)").Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.StartsWith("xref", text[startXref..], StringComparison.Ordinal);
        var header = Regex.Match(text[startXref..], @"xref\r?\n(\d+) (\d+)\r?\n");
        var count = int.Parse(header.Groups[2].Value, CultureInfo.InvariantCulture);
        var entries = startXref + header.Length;
        for (var id = 1; id < count; id++)
        {
            var offset = int.Parse(text.AsSpan(entries + id * 20, 10), CultureInfo.InvariantCulture);
            Assert.StartsWith($"{id} 0 obj", text[offset..], StringComparison.Ordinal);
        }

        Assert.Contains("北京", PdfText.Pages(pdf)[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Viewers_are_asked_to_show_the_title()
    {
        using var document = PdfDocument.Open(Render());

        var preferences = document.Structure.Catalog.CatalogDictionary.Data["ViewerPreferences"];
        Assert.Contains("DisplayDocTitle", preferences.ToString(), StringComparison.Ordinal);
        Assert.Equal("Vendor report", document.Information.Title);
    }

    private static string LanguageOf(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var lang = document.Structure.Catalog.CatalogDictionary.Data["Lang"];
        return Assert.IsType<StringToken>(lang).Data;
    }
}
