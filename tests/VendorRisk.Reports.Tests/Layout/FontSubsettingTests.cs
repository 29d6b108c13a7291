using SkiaSharp;
using UglyToad.PdfPig;
using VendorRisk.Reports.Layout;

namespace VendorRisk.Reports.Tests.Layout;

/// <summary>Fonts are embedded as per-document subsets, and the text stays whole and searchable.</summary>
public sealed class FontSubsettingTests
{
    private static readonly TextStyle Body = new(10);

    private static byte[] Render(params TextRun[] runs) =>
        new ReportDocument(PageSettings.A4) { Header = null, Footer = null }
            .Add(new Paragraph(runs))
            .ToPdf(TestContext.Current.CancellationToken);

    [Fact]
    public void A_short_document_embeds_only_the_glyphs_it_uses()
    {
        // The whole regular and bold DejaVu Sans faces would add about 800 KB.
        var pdf = Render(new TextRun("Vendor risk ", Body), new TextRun("summary", Body.AsBold()));

        Assert.InRange(pdf.Length, 1_000, 40_000);
        Assert.Contains("Vendor risk summary", PdfText.Pages(pdf)[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Every_character_of_a_broad_sample_survives_subsetting()
    {
        const string sample = "Ärger über Öl — “quoted” … 1 234,56 € £ ¥ ± ½ ÆØÅ æøå çñ ß Ωμέγα Привет Łódź Şişli";
        var pdf = Render(new TextRun(sample, Body), new TextRun(" " + sample, Body.AsBold()));

        var text = PdfText.Squeeze(PdfText.Pages(pdf)[0]);

        Assert.Equal(PdfText.Squeeze(sample + sample), text);
    }

    [Fact]
    public void A_document_with_a_cjk_fallback_stays_compact()
    {
        // Both the TrueType CJK fallback and the main face are embedded as subsets.
        var pdf = Render(new TextRun("Vendor 北京智能科技 Ltd", Body));

        Assert.InRange(pdf.Length, 1_000, 120_000);
        Assert.Contains("北京智能科技", PdfText.Pages(pdf)[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_subset_keeps_the_outlines_of_the_glyphs_used_at_their_ids_and_drops_the_others()
    {
        var face = FontLibrary.Shared.Main(bold: false);
        using var full = new SKFont(face.Typeface, 100) { Hinting = SKFontHinting.None, LinearMetrics = true };
        var used = full.GetGlyphs("Ag");
        var unused = full.GetGlyphs("Z")[0];

        using var subset = FontSubsetter.Subset(face, used);

        Assert.NotNull(subset);
        using var cut = new SKFont(subset, 100) { Hinting = SKFontHinting.None, LinearMetrics = true };
        foreach (var glyph in used)
        {
            using var original = full.GetGlyphPath(glyph);
            using var kept = cut.GetGlyphPath(glyph);
            Assert.False(kept.IsEmpty, $"glyph {glyph} lost its outline");
            Assert.Equal(original.Bounds, kept.Bounds);
            Assert.Equal(full.GetGlyphWidths([glyph])[0], cut.GetGlyphWidths([glyph])[0]);
        }

        using var dropped = cut.GetGlyphPath(unused);
        Assert.True(dropped is null || dropped.IsEmpty, "an unused glyph kept its outline");
        Assert.Equal(used[0], cut.GetGlyphs("A")[0]); // the character map still reaches the kept glyph
    }

    [Fact]
    public void Glyphs_keep_their_positions_after_subsetting()
    {
        var pdf = Render(new TextRun("WAVE wave", Body));

        using var document = PdfDocument.Open(pdf);
        var letters = document.GetPage(1).Letters;
        // Kerning and advances come from the full font; a shifted glyph id would draw the wrong letter.
        Assert.Equal("WAVEwave", string.Concat(letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)).Select(l => l.Value)));
        Assert.All(letters.Zip(letters.Skip(1)), pair => Assert.True(pair.Second.StartBaseLine.X > pair.First.StartBaseLine.X));
    }

    [Fact]
    public void The_same_document_renders_to_the_same_bytes()
    {
        var first = Render(new TextRun("Deterministic output — 北京", Body));
        var second = Render(new TextRun("Deterministic output — 北京", Body));

        Assert.Equal(first, second);
    }
}
