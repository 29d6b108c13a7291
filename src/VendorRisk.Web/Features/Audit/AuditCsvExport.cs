using CsvHelper;

namespace VendorRisk.Web.Features.Audit;

/// <summary>The audit log as CSV, with the same filters as the page; cells are neutralised against spreadsheet formulas.</summary>
public static class AuditCsvExport
{
    public const string Path = "/audit/export.csv";

    public static readonly string[] Header = ["When (UTC)", "User", "Action", "Entity", "Entity id", "What", "Old value", "New value", "Security event"];

    public static string UrlFor(AuditQuery query) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(Path, new Dictionary<string, string?>
        {
            ["user"] = query.User,
            ["entity"] = query.EntityType,
            ["action"] = query.Action,
            ["from"] = query.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["to"] = query.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        }.Where(p => !string.IsNullOrWhiteSpace(p.Value)));

    public static byte[] Render(IEnumerable<AuditRecord> entries)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(writer, new CsvWriterOptions { Injection = CsvInjection.None, FormatProvider = CultureInfo.InvariantCulture }, true))
        {
            foreach (var cell in Header)
                csv.WriteField(cell);
            csv.EndRecord();
            foreach (var e in entries)
            {
                string[] row =
                [
                    e.At.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), e.UserName, e.Action, e.EntityType, e.EntityId ?? "",
                    e.Summary, e.OldValue ?? "", e.NewValue ?? "", e.IsSecurityEvent ? "yes" : "",
                ];
                foreach (var cell in row)
                    csv.WriteField(SpreadsheetCellGuard.Guard(cell));
                csv.EndRecord();
            }
        }

        return Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(writer.ToString())).ToArray();
    }

    public static void MapAuditCsv(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Path, async (string? user, string? entity, string? action, DateOnly? from, DateOnly? to,
            HttpContext http, AuditService audit, CancellationToken cancellationToken) =>
        {
            http.RequestServices.GetRequiredService<CurrentUser>().UsePrincipal(http.User);
            try
            {
                var entries = await audit.ExportAsync(new AuditQuery(user, entity, null, from, to, Action: action), cancellationToken);
                return Results.File(Render(entries), "text/csv; charset=utf-8", "audit-log.csv");
            }
            catch (ForbiddenException ex)
            {
                return Results.Problem(ex.Message, statusCode: StatusCodes.Status403Forbidden);
            }
        }).RequireAuthorization(Policies.Admin);
}
