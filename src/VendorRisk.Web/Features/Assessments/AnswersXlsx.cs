using System.IO.Compression;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace VendorRisk.Web.Features.Assessments;

/// <summary>
/// The answers export and import as an Excel workbook: the CSV's columns, every cell an inline string kept
/// exactly (spaces, line breaks, a leading = or '), so no cell is ever a formula and no guard is needed.
/// Characters XML cannot hold are written as Excel writes them (<c>_x0001_</c>), and read back.
/// </summary>
public static partial class AnswersXlsx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>A workbook unpacks to at most this much; a larger one (a zip bomb) is refused unread.</summary>
    public const long MaxUnpackedBytes = 64 * 1024 * 1024;

    public static byte[] Render(AssessmentSnapshot assessment)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            uint rowIndex = 0;
            foreach (var cells in AnswersCsvExport.Rows(assessment))
            {
                rowIndex++;
                var row = new Row { RowIndex = rowIndex };
                for (var column = 0; column < cells.Length; column++)
                {
                    row.Append(new Cell
                    {
                        CellReference = ColumnName(column) + rowIndex.ToString(CultureInfo.InvariantCulture),
                        DataType = CellValues.InlineString,
                        InlineString = new InlineString(new Text(Encode(cells[column])) { Space = SpaceProcessingModeValues.Preserve }),
                    });
                }

                data.Append(row);
            }

            sheetPart.Worksheet = new Worksheet(new SheetViews(new SheetView(new Pane
            {
                VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen,
            }) { WorkbookViewId = 0 }), data);
            workbook.Workbook.Append(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Answers" }));
        }

        return stream.ToArray();
    }

    /// <summary>The first worksheet's rows, each with its spreadsheet row number and its cells by column.</summary>
    /// <exception cref="FormatException">The file is not a readable workbook.</exception>
    public static List<(int Row, string[] Cells)> ReadRows(Stream xlsx)
    {
        using var copy = new MemoryStream();
        xlsx.CopyTo(copy);
        copy.Position = 0;
        try
        {
            using (var zip = new ZipArchive(copy, ZipArchiveMode.Read, leaveOpen: true))
            {
                if (zip.Entries.Sum(e => e.Length) > MaxUnpackedBytes)
                    throw new FormatException($"The workbook unpacks to more than {MaxUnpackedBytes / 1024 / 1024} MB; it was not read.");
            }

            copy.Position = 0;
            using var document = SpreadsheetDocument.Open(copy, false);
            var workbook = document.WorkbookPart ?? throw new FormatException("The file has no workbook.");
            var first = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new FormatException("The workbook has no sheet.");
            var sheet = (WorksheetPart)workbook.GetPartById(first.Id!.Value!);
            var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToArray() ?? [];
            var rows = new List<(int, string[])>();
            foreach (var row in sheet.Worksheet.Descendants<Row>())
            {
                var cells = new SortedDictionary<int, string>();
                var next = 0;
                foreach (var cell in row.Elements<Cell>())
                {
                    var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : next;
                    next = column + 1;
                    cells[column] = Decode(Value(cell, shared));
                }

                if (cells.Count == 0)
                    continue;
                var values = new string[cells.Keys.Max() + 1];
                Array.Fill(values, "");
                foreach (var (column, value) in cells)
                    values[column] = value;
                rows.Add(((int)(row.RowIndex?.Value ?? (uint)(rows.Count + 1)), values));
            }

            return rows;
        }
        catch (Exception ex) when (ex is InvalidDataException or OpenXmlPackageException or System.Xml.XmlException or InvalidOperationException or ArgumentException)
        {
            throw new FormatException("The file is not an Excel workbook (.xlsx) that can be read.", ex);
        }
    }

    private static string Value(Cell cell, string[] shared)
    {
        if (cell.DataType?.Value == CellValues.InlineString)
            return cell.InlineString?.InnerText ?? "";
        var raw = cell.CellValue?.Text ?? "";
        if (cell.DataType?.Value == CellValues.SharedString)
            return int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var index) && index >= 0 && index < shared.Length ? shared[index] : "";
        if (cell.DataType?.Value == CellValues.Boolean)
            return raw == "1" ? "TRUE" : "FALSE";
        return raw;
    }

    private static string ColumnName(int index)
    {
        var name = "";
        for (index++; index > 0; index = (index - 1) / 26)
            name = (char)('A' + (index - 1) % 26) + name;
        return name;
    }

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetter))
            index = index * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
        return index - 1;
    }

    /// <summary>
    /// OOXML's escape for text, as Excel writes it: characters XML 1.0 cannot hold, and CR (which XML parsers turn
    /// into LF), become _xHHHH_; a literal _xHHHH_ keeps its underscore as _x005F_.
    /// </summary>
    internal static string Encode(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '_' && EscapeAt().IsMatch(text, i) && EscapeAt().Match(text, i).Index == i)
                sb.Append("_x005F_");
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                sb.Append(c).Append(text[++i]);
            else if (c is '\t' or '\n' || (c >= 0x20 && !char.IsSurrogate(c) && c is not ('\uFFFE' or '\uFFFF')))
                sb.Append(c);
            else
                sb.Append("_x").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)).Append('_');
        }

        return sb.ToString();
    }

    internal static string Decode(string text) =>
        text.Contains("_x", StringComparison.Ordinal)
            ? EscapeAt().Replace(text, m => ((char)int.Parse(m.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString())
            : text;

    [GeneratedRegex("_x([0-9A-Fa-f]{4})_")]
    private static partial Regex EscapeAt();

    public static void MapAnswersXlsx(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/assessments/{id:int}/answers.xlsx", async (int id, AssessmentReader reader, CancellationToken cancellationToken) =>
        {
            try
            {
                var assessment = await reader.GetAsync(id, cancellationToken);
                return Results.File(Render(assessment), ContentType, $"assessment-{id}-answers.xlsx");
            }
            catch (NotFoundException ex)
            {
                return Results.Problem(ex.Message, statusCode: StatusCodes.Status404NotFound);
            }
            catch (ForbiddenException ex)
            {
                return Results.Problem(ex.Message, statusCode: StatusCodes.Status403Forbidden);
            }
        }).RequireAuthorization(Policies.Viewer);
}
