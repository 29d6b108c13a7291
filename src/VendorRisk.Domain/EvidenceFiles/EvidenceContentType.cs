using System.IO.Compression;

namespace VendorRisk.Domain.EvidenceFiles;

public enum EvidenceKind { Pdf, Png, Jpeg, Docx, Xlsx, Csv, Text }

/// <summary>What a file's bytes are; <see cref="Error"/> says why they are refused.</summary>
public sealed record EvidenceDetection(EvidenceKind? Kind, string? Error)
{
    public string ContentType => Kind is { } kind ? EvidenceContentType.MimeType(kind) : "";
}

/// <summary>
/// Recognises the accepted types by their bytes, never by the name: magic numbers for PDF, PNG and JPEG; for a ZIP
/// container the Office parts inside it; for text strict UTF-8 without NULs or control characters. HTML, scripts and
/// executables are refused with a reason, and so is a name whose extension claims another type than the content.
/// </summary>
public static class EvidenceContentType
{
    public const string AcceptedTypes = "PDF, PNG, JPEG, DOCX, XLSX, CSV or plain text";

    public static string MimeType(EvidenceKind kind) => kind switch
    {
        EvidenceKind.Pdf => "application/pdf",
        EvidenceKind.Png => "image/png",
        EvidenceKind.Jpeg => "image/jpeg",
        EvidenceKind.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        EvidenceKind.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        EvidenceKind.Csv => "text/csv",
        _ => "text/plain",
    };

    public static string Describe(EvidenceKind kind) => kind switch
    {
        EvidenceKind.Pdf => "a PDF document",
        EvidenceKind.Png => "a PNG image",
        EvidenceKind.Jpeg => "a JPEG image",
        EvidenceKind.Docx => "a Word document (DOCX)",
        EvidenceKind.Xlsx => "an Excel workbook (XLSX)",
        EvidenceKind.Csv => "CSV text",
        _ => "plain text",
    };

    public static EvidenceDetection Detect(ReadOnlySpan<byte> content, string fileName)
    {
        var detected = DetectContent(content);
        if (detected.Kind is not { } kind)
            return detected;
        var extension = EvidenceFileName.Extension(fileName);
        return ExtensionMatches(extension, kind) is not false
            ? detected
            : new EvidenceDetection(null, $"The name ends in .{extension} but the content is {Describe(kind)}; rename the file or send the right one.");
    }

    /// <summary>
    /// The name a file of this kind is stored and downloaded under: the name given, unless its extension is none of the
    /// accepted types' (a text file named <c>summary.vbs</c>, a PDF named <c>scan.bin</c>), which gains the kind's own
    /// (<c>summary.vbs.txt</c>), so that opening a download never hands it to a program its name would pick.
    /// </summary>
    public static string StoredName(string name, EvidenceKind kind)
    {
        var extension = EvidenceFileName.Extension(name);
        return extension.Length == 0 || ExtensionMatches(extension, kind) is true ? name : EvidenceFileName.WithExtension(name, Extension(kind));
    }

    private static string Extension(EvidenceKind kind) => kind switch
    {
        EvidenceKind.Pdf => "pdf",
        EvidenceKind.Png => "png",
        EvidenceKind.Jpeg => "jpg",
        EvidenceKind.Docx => "docx",
        EvidenceKind.Xlsx => "xlsx",
        EvidenceKind.Csv => "csv",
        _ => "txt",
    };

    /// <summary>True when the extension names the kind, false when it names another (or a refused) type, null when it names none of them.</summary>
    private static bool? ExtensionMatches(string extension, EvidenceKind kind) => extension switch
    {
        "pdf" => kind == EvidenceKind.Pdf,
        "png" => kind == EvidenceKind.Png,
        "jpg" or "jpeg" => kind == EvidenceKind.Jpeg,
        "docx" or "doc" or "docm" => kind == EvidenceKind.Docx,
        "xlsx" or "xls" or "xlsm" => kind == EvidenceKind.Xlsx,
        "csv" or "txt" or "text" or "md" or "log" => kind is EvidenceKind.Csv or EvidenceKind.Text,
        "html" or "htm" or "svg" or "xml" or "js" or "exe" or "dll" or "bat" or "cmd" or "ps1" or "sh" => false,
        _ => null,
    };

    private static EvidenceDetection DetectContent(ReadOnlySpan<byte> content)
    {
        if (content.IsEmpty)
            return Refused("The file is empty.");
        if (IsExecutable(content))
            return Refused("The content is a program (an executable or a script); programs are not accepted as evidence.");
        if (content.StartsWith("%PDF-"u8))
            return Found(EvidenceKind.Pdf);
        if (content.StartsWith(PngSignature))
            return Found(EvidenceKind.Png);
        if (content.StartsWith(JpegSignature))
            return Found(EvidenceKind.Jpeg);
        if (content.StartsWith("PK\u0003\u0004"u8))
            return PartsOf(content) switch
            {
                null => Damaged,
                > MaxOfficeParts => Refused($"The content is a ZIP archive of more than {MaxOfficeParts:N0} parts, not a Word or Excel document; accepted: {AcceptedTypes}."),
                _ => DetectOfficeDocument(content.ToArray()),
            };
        return DetectText(content);
    }

    private static bool IsExecutable(ReadOnlySpan<byte> c)
    {
        if (c.StartsWith("MZ"u8) || c.StartsWith("#!"u8))
            return true;
        foreach (var signature in ExecutableSignatures)
            if (c.StartsWith(signature))
                return true;
        return false;
    }

    // ELF; Mach-O in both byte orders and widths; universal binaries (and Java classes).
    private static readonly byte[][] ExecutableSignatures =
    [
        [0x7F, 0x45, 0x4C, 0x46],
        [0xFE, 0xED, 0xFA, 0xCE], [0xFE, 0xED, 0xFA, 0xCF], [0xCE, 0xFA, 0xED, 0xFE], [0xCF, 0xFA, 0xED, 0xFE],
        [0xCA, 0xFE, 0xBA, 0xBE],
    ];

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegSignature = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>
    /// A Word or Excel file has tens to a few thousand parts. Opening a crafted archive of hundreds of thousands of empty
    /// entries would make the ZIP reader hold every one of them (some 300 MB for 25 MB), so the count is read first.
    /// </summary>
    public const int MaxOfficeParts = 10_000;

    /// <summary>
    /// The entry count of the ZIP archive's end-of-central-directory record (found within the last 64 KB, as the format
    /// allows a comment that long; <see cref="int.MaxValue"/> when it defers to ZIP64, which no Office file under 25 MB
    /// needs), or null when there is none.
    /// </summary>
    private static int? PartsOf(ReadOnlySpan<byte> zip)
    {
        const int RecordLength = 22;
        var from = Math.Max(0, zip.Length - RecordLength - ushort.MaxValue);
        var tail = zip[from..];
        var at = tail.LastIndexOf("PK\u0005\u0006"u8);
        if (at < 0 || tail.Length - at < RecordLength)
            return null;
        var entries = System.Buffers.Binary.BinaryPrimitives.ReadUInt16LittleEndian(tail.Slice(at + 10, 2));
        return entries == ushort.MaxValue ? int.MaxValue : entries;
    }

    private static EvidenceDetection DetectOfficeDocument(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            var names = zip.Entries.Select(e => e.FullName).ToList();
            if (!names.Contains("[Content_Types].xml", StringComparer.Ordinal))
                return Refused($"The content is a ZIP archive, not a Word or Excel document; accepted: {AcceptedTypes}.");
            if (names.Any(n => n.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase)))
                return Refused("The document holds macros; save it without macros (as .docx or .xlsx) and send that.");
            if (names.Contains("word/document.xml", StringComparer.Ordinal))
                return Found(EvidenceKind.Docx);
            if (names.Contains("xl/workbook.xml", StringComparer.Ordinal))
                return Found(EvidenceKind.Xlsx);
            return Refused($"The content is an Office package that is neither a Word document nor an Excel workbook; accepted: {AcceptedTypes}.");
        }
        catch (InvalidDataException)
        {
            return Damaged;
        }
    }

    private static readonly string[] MarkupStarts = ["<!doctype", "<html", "<head", "<body", "<script", "<svg", "<?xml", "<iframe", "<meta", "<object"];

    /// <summary>How much of a text file is decoded to look at how it starts and whether it is CSV; the rest is checked as bytes.</summary>
    private const int TextPrefixBytes = 64 * 1024;

    /// <summary>Checks a text file as bytes (strict UTF-8, no control characters, no script tag) and decodes only its start.</summary>
    private static EvidenceDetection DetectText(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith(Utf8Bom))
            content = content[3..];
        if (!System.Text.Unicode.Utf8.IsValid(content))
            return Refused($"The content is not one of the accepted types ({AcceptedTypes}).");
        if (HasControlCharacter(content))
            return Refused($"The content is binary data, not one of the accepted types ({AcceptedTypes}).");
        var start = Encoding.UTF8.GetString(content[..PrefixLength(content)]);
        var trimmed = start.TrimStart();
        if (MarkupStarts.Any(m => trimmed.StartsWith(m, StringComparison.OrdinalIgnoreCase)) || HasScriptTag(content))
            return Refused("The content is HTML or other markup, which a browser could run; save it as PDF and send that.");
        return Found(LooksLikeCsv(start) ? EvidenceKind.Csv : EvidenceKind.Text);
    }

    /// <summary>The first <see cref="TextPrefixBytes"/> bytes, ended at the last whole line when the text goes on (valid UTF-8 assumed).</summary>
    private static int PrefixLength(ReadOnlySpan<byte> text)
    {
        if (text.Length <= TextPrefixBytes)
            return text.Length;
        var lastLine = text[..TextPrefixBytes].LastIndexOf((byte)'\n');
        if (lastLine > 0)
            return lastLine;
        var end = TextPrefixBytes;
        while ((text[end] & 0xC0) == 0x80)
            end--;
        return end;
    }

    /// <summary>
    /// A character <see cref="char.IsControl(char)"/> calls control, other than tab, line feed, carriage return and form
    /// feed: C0 and DEL are single bytes, C1 (U+0080–U+009F) is 0xC2 followed by 0x80–0x9F in valid UTF-8.
    /// </summary>
    private static bool HasControlCharacter(ReadOnlySpan<byte> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var b = text[i];
            if ((b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\r' or (byte)'\f')) || b == 0x7F
                || (b == 0xC2 && i + 1 < text.Length && text[i + 1] is >= 0x80 and <= 0x9F))
                return true;
        }
        return false;
    }

    private static bool HasScriptTag(ReadOnlySpan<byte> text)
    {
        while (text.IndexOf((byte)'<') is var at and >= 0)
        {
            text = text[(at + 1)..];
            if (text.Length >= 6 && System.Text.Ascii.EqualsIgnoreCase(text[..6], "script"u8))
                return true;
        }
        return false;
    }

    /// <summary>At least two lines, every one of the first twenty with the same number (one or more) of commas or semicolons outside quotes.</summary>
    private static bool LooksLikeCsv(string text)
    {
        var lines = text.Split('\n', 21).Take(20).Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();
        if (lines.Count < 2)
            return false;
        foreach (var delimiter in new[] { ',', ';' })
        {
            var counts = lines.Select(l => Fields(l, delimiter)).Distinct().ToList();
            if (counts is [> 1])
                return true;
        }
        return false;
    }

    private static int Fields(string line, char delimiter)
    {
        var count = 1;
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"')
                quoted = !quoted;
            else if (c == delimiter && !quoted)
                count++;
        }
        return count;
    }

    private static EvidenceDetection Damaged => Refused("The content starts like a ZIP archive but is damaged.");

    private static EvidenceDetection Found(EvidenceKind kind) => new(kind, null);

    private static EvidenceDetection Refused(string reason) => new(null, reason);
}
