using System.IO.Compression;
using System.Text;
using VendorRisk.Domain.EvidenceFiles;

namespace VendorRisk.Domain.Tests.EvidenceFiles;

public sealed class EvidenceFileNameTests
{
    [Theory]
    [InlineData("report.pdf", "report.pdf")]
    [InlineData("  SOC 2  Type II.pdf ", "SOC 2 Type II.pdf")]
    [InlineData("invoice\u202Efdp.exe", "invoicefdp.exe")]
    [InlineData("zero\u200Bwidth.txt", "zerowidth.txt")]
    [InlineData("trailing dots...", "trailing dots")]
    public void A_name_is_stored_trimmed_normalised_and_without_invisible_formatting(string raw, string stored)
    {
        var (name, error) = EvidenceFileName.Sanitise(raw);
        Assert.Null(error);
        Assert.Equal(stored, name);
    }

    [Theory]
    [InlineData("../secret.pdf", "path")]
    [InlineData("a\\b.pdf", "path")]
    [InlineData("C:evil.pdf", "path")]
    [InlineData("‥／‥／etc／passwd.txt", "path")]
    [InlineData("C：＼evil.txt", "path")]
    [InlineData("line\nbreak.pdf", "control")]
    [InlineData("nul\0.pdf", "control")]
    [InlineData("   ", "no name")]
    [InlineData("...", "no visible")]
    public void A_name_with_a_path_control_characters_or_nothing_visible_is_refused(string raw, string reason)
    {
        var (name, error) = EvidenceFileName.Sanitise(raw);
        Assert.Null(name);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_name_is_cut_between_characters_keeping_its_extension()
    {
        var (name, _) = EvidenceFileName.Sanitise(string.Concat(Enumerable.Repeat("👍🏽", 150)) + ".pdf");
        Assert.True(name!.Length <= EvidenceLimits.NameMaxLength);
        Assert.EndsWith("👍🏽.pdf", name, StringComparison.Ordinal);
    }
}

public sealed class EvidenceContentTypeTests
{
    private static byte[] Zip(params string[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var entry in entries)
                using (var stream = zip.CreateEntry(entry).Open())
                    stream.WriteByte((byte)'x');
        return buffer.ToArray();
    }

    [Fact]
    public void Office_packages_are_told_apart_by_their_parts_and_macros_are_refused()
    {
        Assert.Equal(EvidenceKind.Docx, EvidenceContentType.Detect(Zip("[Content_Types].xml", "word/document.xml"), "a.docx").Kind);
        Assert.Equal(EvidenceKind.Xlsx, EvidenceContentType.Detect(Zip("[Content_Types].xml", "xl/workbook.xml"), "a.xlsx").Kind);
        Assert.Contains("macros", EvidenceContentType.Detect(Zip("[Content_Types].xml", "word/document.xml", "word/vbaProject.bin"), "a.docx").Error, StringComparison.Ordinal);
        Assert.Contains("ZIP archive", EvidenceContentType.Detect(Zip("word/document.xml"), "a.docx").Error, StringComparison.Ordinal);
        Assert.Contains("damaged", EvidenceContentType.Detect("PK\u0003\u0004garbage"u8.ToArray(), "a.docx").Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a,b\n1,2\n", EvidenceKind.Csv)]
    [InlineData("name;score\r\nx;1\r\ny;2\r\n", EvidenceKind.Csv)]
    [InlineData("\"a,b\",c\n\"1,2\",3\n", EvidenceKind.Csv)]
    [InlineData("Just a note, with a comma.\nAnd another line.", EvidenceKind.Text)]
    [InlineData("\uFEFFwith a byte-order mark", EvidenceKind.Text)]
    public void Text_is_csv_when_its_lines_have_the_same_number_of_fields(string text, EvidenceKind kind) =>
        Assert.Equal(kind, EvidenceContentType.Detect(Encoding.UTF8.GetBytes(text), "notes").Kind);

    [Theory]
    [InlineData("  <!doctype html><p>x</p>")]
    [InlineData("<svg onload=alert(1)>")]
    [InlineData("<?xml version=\"1.0\"?><x/>")]
    [InlineData("Looks harmless <SCRIPT>alert(1)</SCRIPT>")]
    public void Markup_is_refused_whatever_the_name(string text) =>
        Assert.Contains("HTML", EvidenceContentType.Detect(Encoding.UTF8.GetBytes(text), "notes.txt").Error, StringComparison.Ordinal);

    [Fact]
    public void Binary_that_is_not_an_accepted_type_is_refused()
    {
        Assert.Contains("not one of the accepted types", EvidenceContentType.Detect(new byte[] { 0xC3, 0x28, 0x41 }, "x").Error, StringComparison.Ordinal);
        Assert.Contains("binary", EvidenceContentType.Detect("ab\0cd"u8.ToArray(), "x.txt").Error, StringComparison.Ordinal);
        Assert.Contains("program", EvidenceContentType.Detect("#!/bin/sh\nrm -rf /"u8.ToArray(), "x.txt").Error, StringComparison.Ordinal);
        Assert.Contains("program", EvidenceContentType.Detect(new byte[] { 0xCF, 0xFA, 0xED, 0xFE, 7, 0 }, "x").Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_that_claims_another_type_than_the_content_is_refused_but_an_unknown_extension_is_not()
    {
        Assert.Contains(".pdf", EvidenceContentType.Detect("plain words"u8.ToArray(), "x.pdf").Error, StringComparison.Ordinal);
        Assert.Equal(EvidenceKind.Pdf, EvidenceContentType.Detect("%PDF-1.7\n"u8.ToArray(), "scan.bin").Kind);
        Assert.Equal(EvidenceKind.Text, EvidenceContentType.Detect("words"u8.ToArray(), "README").Kind);
    }

    [Fact]
    public void An_archive_of_more_parts_than_any_office_file_has_is_refused_before_its_entries_are_read()
    {
        var many = Zip([.. Enumerable.Range(0, EvidenceContentType.MaxOfficeParts).Select(i => $"p{i}"), "[Content_Types].xml", "word/document.xml"]);
        var enough = Zip([.. Enumerable.Range(0, 100).Select(i => $"word/media/p{i}"), "[Content_Types].xml", "word/document.xml"]);

        Assert.Contains("more than 10,000 parts", EvidenceContentType.Detect(many, "big.docx").Error, StringComparison.Ordinal);
        Assert.Equal(EvidenceKind.Docx, EvidenceContentType.Detect(enough, "fine.docx").Kind);
    }

    [Fact]
    public void Text_past_the_decoded_start_is_still_checked_for_control_characters_and_script_tags_and_csv_is_told_from_its_start()
    {
        var filler = string.Concat(Enumerable.Repeat("A plain line of evidence text.\n", 5_000));   // about 150 KB

        Assert.Equal(EvidenceKind.Text, EvidenceContentType.Detect(Encoding.UTF8.GetBytes(filler), "notes.txt").Kind);
        Assert.Contains("HTML", EvidenceContentType.Detect(Encoding.UTF8.GetBytes(filler + "then <ScRiPt src=x>"), "notes.txt").Error, StringComparison.Ordinal);
        Assert.Contains("binary", EvidenceContentType.Detect(Encoding.UTF8.GetBytes(filler + "bell \u0007"), "notes.txt").Error, StringComparison.Ordinal);
        Assert.Contains("binary", EvidenceContentType.Detect(Encoding.UTF8.GetBytes(filler + "C1 \u0085"), "notes.txt").Error, StringComparison.Ordinal);
        Assert.Equal(EvidenceKind.Text, EvidenceContentType.Detect(Encoding.UTF8.GetBytes(filler + "ünïcödé ✓ 👍🏽"), "notes.txt").Kind);
        Assert.Contains("not one of the accepted types", EvidenceContentType.Detect([.. Encoding.UTF8.GetBytes(filler), 0xC3, 0x28], "notes.txt").Error, StringComparison.Ordinal);
        var csv = string.Concat(Enumerable.Repeat("vendor,score,rating\n", 10_000));   // 200 KB
        Assert.Equal(EvidenceKind.Csv, EvidenceContentType.Detect(Encoding.UTF8.GetBytes(csv), "scores.csv").Kind);
    }

    [Theory]
    [InlineData("SOC2-summary.vbs", EvidenceKind.Text, "SOC2-summary.vbs.txt")]
    [InlineData("notes.wsf", EvidenceKind.Text, "notes.wsf.txt")]
    [InlineData("report.hta", EvidenceKind.Text, "report.hta.txt")]
    [InlineData("policy.jar", EvidenceKind.Docx, "policy.jar.docx")]
    [InlineData("scan.bin", EvidenceKind.Pdf, "scan.bin.pdf")]
    [InlineData("figures.tsv", EvidenceKind.Csv, "figures.tsv.csv")]
    [InlineData("photo.JPEG", EvidenceKind.Jpeg, "photo.JPEG")]
    [InlineData("export.csv", EvidenceKind.Text, "export.csv")]
    [InlineData("pricing.xls", EvidenceKind.Xlsx, "pricing.xls")]
    [InlineData("README", EvidenceKind.Text, "README")]
    public void A_file_whose_extension_is_none_of_the_accepted_types_is_stored_with_its_kinds_own(string given, EvidenceKind kind, string stored) =>
        Assert.Equal(stored, EvidenceContentType.StoredName(given, kind));

    [Fact]
    public void The_added_extension_is_kept_when_a_name_at_the_length_limit_is_cut()
    {
        var name = new string('a', EvidenceLimits.NameMaxLength - 4) + ".vbs";

        var stored = EvidenceContentType.StoredName(name, EvidenceKind.Text);

        Assert.EndsWith("a.txt", stored, StringComparison.Ordinal);
        Assert.Equal(EvidenceLimits.NameMaxLength, stored.Length);
    }
}
