namespace VendorRisk.Web.Features.Findings;

public static class FindingsCsvEndpoint
{
    /// <summary>The findings page's filters as a CSV download (every page).</summary>
    public static void MapFindingsCsv(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/findings.csv", async (FindingQueries queries, string? status, string? severity, string? ownerId, int? vendorId, bool? overdue, string? sort,
            CancellationToken cancellationToken) =>
        {
            try
            {
                var query = new FindingQuery
                {
                    Status = KebabEnum.Parse<FindingStatus>(status),
                    Severity = KebabEnum.Parse<FindingSeverity>(severity),
                    OwnerId = ownerId,
                    VendorId = vendorId,
                    OverdueOnly = overdue == true,
                    Sort = sort == "due" ? FindingSort.DueDate : FindingSort.Id,
                };
                return Results.File(await queries.CsvAsync(query, cancellationToken), "text/csv; charset=utf-8", $"findings-{queries.Today:yyyy-MM-dd}.csv");
            }
            catch (ForbiddenException ex)
            {
                return Results.Problem(ex.Message, statusCode: StatusCodes.Status403Forbidden);
            }
        }).RequireAuthorization(Policies.Viewer);
}
