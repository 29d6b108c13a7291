namespace VendorRisk.Web.Features.Assessments.Import;

/// <summary>
/// RFC 4180 records (quoted fields, doubled quotes, line breaks inside quotes), each with its spreadsheet row:
/// a line break inside a quoted cell stays in its row, and a blank line is a row of its own, as a spreadsheet
/// shows the file.
/// </summary>
internal static class CsvRecords
{
    public static List<(int Row, string[] Cells)> Read(TextReader reader)
    {
        var text = reader.ReadToEnd();
        var records = new List<(int, string[])>();
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var row = 1;
        var quoted = false;
        var any = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                    quoted = false;
                else
                    cell.Append(c);
                continue;
            }
            switch (c)
            {
                case '"' when cell.Length == 0:
                    quoted = true;
                    any = true;
                    break;
                case ',':
                    cells.Add(cell.ToString());
                    cell.Clear();
                    any = true;
                    break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    break;
                case '\r':
                case '\n':
                    if (any || cell.Length > 0)
                    {
                        cells.Add(cell.ToString());
                        records.Add((row, cells.ToArray()));
                    }
                    cells.Clear();
                    cell.Clear();
                    any = false;
                    row++;
                    break;
                default:
                    cell.Append(c);
                    any = true;
                    break;
            }
        }
        if (quoted)
            throw new FormatException($"Row {row}: a quoted field is not closed.");
        if (any || cell.Length > 0)
        {
            cells.Add(cell.ToString());
            records.Add((row, cells.ToArray()));
        }
        return records;
    }
}
