namespace VendorRisk.Web.Features.Shared;

/// <summary>
/// The CSV export's formula guard and its exact inverse. A cell a spreadsheet would read as a formula
/// (tab, CR or LF first, or = + - @ first after any leading spaces and line breaks, which spreadsheets skip)
/// gets a leading apostrophe; so does a cell that already begins with an apostrophe.
/// That second rule is how the import tells the two apart: a leading apostrophe is the export's own exactly
/// when what follows would itself be guarded; any other leading apostrophe belongs to the text.
/// </summary>
public static class SpreadsheetCellGuard
{
    public static bool NeedsGuard(string cell)
    {
        if (cell.Length == 0)
            return false;
        var first = cell.AsSpan().TrimStart(" \t\r\n");
        return cell[0] is '\t' or '\r' or '\n' or '\'' || (first.Length > 0 && first[0] is '=' or '+' or '-' or '@');
    }

    public static string Guard(string cell) => NeedsGuard(cell) ? "'" + cell : cell;

    public static string Unguard(string cell) =>
        cell.Length > 1 && cell[0] == '\'' && NeedsGuard(cell[1..]) ? cell[1..] : cell;
}
