using System.Text.RegularExpressions;

namespace VendorRisk.Reports.Layout;

/// <summary>
/// Adds entries to the document catalog of a PDF Skia wrote. SkiaSharp's PDF metadata has no language (and no
/// structure tree), so the catalog is edited in place: the entries are inserted into the catalog dictionary and
/// every cross-reference offset behind it is moved by the inserted length. Skia writes a classic xref table
/// with fixed-width entries, which this relies on; a file it cannot read that way is returned unchanged.
/// </summary>
internal static partial class PdfCatalog
{
    public static byte[] AddEntries(byte[] pdf, string entries)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var startXref = text.LastIndexOf("startxref", StringComparison.Ordinal);
        var trailer = text.LastIndexOf("trailer", StringComparison.Ordinal);
        if (startXref < 0 || trailer < 0 || RootPattern().Match(text, trailer) is not { Success: true } root)
        {
            return pdf;
        }

        var xrefOffset = int.Parse(XrefOffsetPattern().Match(text, startXref).Groups[1].Value, CultureInfo.InvariantCulture);
        var rootId = int.Parse(root.Groups[1].Value, CultureInfo.InvariantCulture);
        var table = XrefHeaderPattern().Match(text, xrefOffset);
        if (!table.Success || table.Index != xrefOffset)
        {
            return pdf;
        }

        var first = int.Parse(table.Groups[1].Value, CultureInfo.InvariantCulture);
        var entriesStart = table.Index + table.Length;
        var catalogOffset = int.Parse(text.AsSpan(entriesStart + (rootId - first) * 20, 10), CultureInfo.InvariantCulture);
        var end = text.IndexOf("endobj", catalogOffset, StringComparison.Ordinal);
        var close = end < 0 ? -1 : text.LastIndexOf(">>", end, StringComparison.Ordinal);
        if (close < catalogOffset)
        {
            return pdf;
        }

        var insert = "\n" + entries;
        var delta = Encoding.Latin1.GetByteCount(insert);
        var result = new StringBuilder(text.Length + delta);
        result.Append(text, 0, close).Append(insert).Append(text, close, xrefOffset - close);
        var count = int.Parse(table.Groups[2].Value, CultureInfo.InvariantCulture);
        result.Append(text, xrefOffset, entriesStart - xrefOffset);
        for (var i = 0; i < count; i++)
        {
            var entry = text.Substring(entriesStart + i * 20, 20);
            var offset = long.Parse(entry.AsSpan(0, 10), CultureInfo.InvariantCulture);
            if (entry[17] == 'n' && offset > close)
            {
                entry = (offset + delta).ToString("0000000000", CultureInfo.InvariantCulture) + entry[10..];
            }

            result.Append(entry);
        }

        var afterTable = entriesStart + count * 20;
        result.Append(text, afterTable, startXref - afterTable);
        result.Append("startxref\n").Append((xrefOffset + delta).ToString(CultureInfo.InvariantCulture)).Append("\n%%EOF\n");
        return Encoding.Latin1.GetBytes(result.ToString());
    }

    /// <summary>A PDF text string: literal with escapes for ASCII, else UTF-16BE hex.</summary>
    public static string TextString(string value) =>
        value.All(c => c is >= ' ' and < '\u007F')
            ? "(" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("(", "\\(", StringComparison.Ordinal).Replace(")", "\\)", StringComparison.Ordinal) + ")"
            : "<FEFF" + Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(value)) + ">";

    [GeneratedRegex(@"/Root (\d+) 0 R")]
    private static partial Regex RootPattern();

    [GeneratedRegex(@"startxref\s+(\d+)")]
    private static partial Regex XrefOffsetPattern();

    [GeneratedRegex(@"xref\r?\n(\d+) (\d+)\r?\n")]
    private static partial Regex XrefHeaderPattern();
}
