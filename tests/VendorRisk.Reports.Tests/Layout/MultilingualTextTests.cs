using System.Diagnostics;
using VendorRisk.Reports.Layout;

namespace VendorRisk.Reports.Tests.Layout;

/// <summary>
/// Text in every script reads back from the PDF exactly as it was written: CJK through a TrueType fallback
/// embedded as a CID font (not Type 3 outlines), Arabic shaped right to left with ActualText for its joining forms.
/// </summary>
public sealed class MultilingualTextTests
{
    public static readonly TheoryData<string> Samples = new()
    {
        "Vendor risk: naïve café, Straße, Œuvre",
        "Оценка рисков поставщика",
        "تقييم مخاطر المورد",
        "日本語の評価 一人 北京智能科技 한국어",
    };

    private static byte[] Render(string text) =>
        new ReportDocument(PageSettings.A4) { Header = null, Footer = null }
            .Add(new Paragraph(text, new TextStyle(11)))
            .ToPdf(TestContext.Current.CancellationToken);

    [Theory]
    [MemberData(nameof(Samples))]
    public void PdfPig_reads_back_what_was_written(string sample)
    {
        var pdf = Render(sample);

        Assert.Equal(sample, PdfText.PagesWithActualText(pdf)[0]);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Pdftotext_reads_back_what_was_written(string sample)
    {
        var pdf = Render(sample);

        var text = await PdfToText(pdf);

        // poppler wraps a right-to-left line in embedding marks (U+202B … U+202C); they are not text.
        Assert.Equal(sample, text.Trim().Trim('\u202B', '\u202C', '\f').Trim());
    }

    [Fact]
    public void Cjk_that_shares_a_glyph_with_a_compatibility_character_reads_as_written()
    {
        // 日 (U+65E5) and the Kangxi radical ⽇ (U+2F47) share one glyph; Skia maps a glyph to its lowest code point.
        var pdf = Render("日");

        Assert.Equal("日", PdfText.Pages(pdf)[0]);
    }

    [Fact]
    public void A_lam_alef_ligature_reads_back_through_its_actual_text()
    {
        var pdf = Render("السلام عليكم");

        Assert.Equal("السلام عليكم", PdfText.PagesWithActualText(pdf)[0]);
    }

    [Fact]
    public void Cjk_is_embedded_as_a_cid_font_with_a_unicode_map_when_a_truetype_cjk_font_is_installed()
    {
        var pdf = Render("北京智能科技");
        var raw = System.Text.Encoding.Latin1.GetString(pdf);

        Assert.DoesNotContain("/Type3", raw, StringComparison.Ordinal);
        Assert.Contains("/CIDFontType2", raw, StringComparison.Ordinal);
        Assert.Contains("/ToUnicode", raw, StringComparison.Ordinal);
    }

    private static async Task<string> PdfToText(byte[] pdf)
    {
        var file = Path.Combine(Path.GetTempPath(), $"vr-text-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf, TestContext.Current.CancellationToken);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pdftotext", ["-enc", "UTF-8", file, "-"])
            {
                RedirectStandardOutput = true,
                StandardOutputEncoding = System.Text.Encoding.UTF8,
            }) ?? throw new InvalidOperationException("pdftotext did not start (install poppler-utils)");
            var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            Assert.Equal(0, process.ExitCode);
            return output;
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Combining_marks_stacked_past_a_handful_on_one_letter_are_dropped_and_real_ones_are_kept()
    {
        var zalgo = "a" + new string('\u0301', 300) + "b";
        const string vietnamese = "Nguy\u1EC5n Th\u1ECB \u1EA2nh, e\u0323\u0302";

        Assert.Equal("a" + new string('\u0301', TextSanitizer.MaxStackedMarks) + "b", TextSanitizer.Clean(zalgo));
        Assert.Equal(vietnamese, TextSanitizer.Clean(vietnamese));
        // Marks outside the BMP (musical symbols, Brahmi) count too, and go with both halves of their pair.
        var astral = "a" + string.Concat(Enumerable.Repeat("\U0001D167", 50)) + "b";
        Assert.Equal("a" + string.Concat(Enumerable.Repeat("\U0001D167", TextSanitizer.MaxStackedMarks)) + "b", TextSanitizer.Clean(astral));
        Assert.Equal("a" + new string('\u0301', TextSanitizer.MaxStackedMarks) + "b", PdfText.PagesWithActualText(Render(zalgo))[0].Normalize(System.Text.NormalizationForm.FormD));
    }
}
