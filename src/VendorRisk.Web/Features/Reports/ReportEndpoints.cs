using VendorRisk.Web.Features.Compare;

namespace VendorRisk.Web.Features.Reports;

/// <summary>PDF downloads for signed-in users (the API's own routes live under /api/v1).</summary>
public static class ReportEndpoints
{
    public const string ComparisonReportPath = "/compare/report.pdf";

    public static string AssessmentReportPath(int id) => $"/assessments/{id}/report.pdf";

    public static IEndpointRouteBuilder MapReportDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet("/assessments/{id:int}/report.pdf", (int id, HttpContext http, ReportService reports, CancellationToken cancellationToken) =>
                Download(http, () => reports.RenderAssessmentPdfAsync(id, cancellationToken)))
            .RequireAuthorization(Policies.Viewer);

        app.MapGet(ComparisonReportPath, (string? ids, string? multipliers, string? profile, string? weighting,
                    HttpContext http, ReportService reports, CancellationToken cancellationToken) =>
                Download(http, () => reports.RenderComparisonPdfAsync(
                    CompareQuery.ParseIds(ids), CompareQuery.ParseMultipliers(multipliers), profile, weighting, cancellationToken)))
            .RequireAuthorization(Policies.Viewer);
        return app;
    }

    private static async Task<IResult> Download(HttpContext http, Func<Task<ReportFile>> render)
    {
        http.RequestServices.GetRequiredService<CurrentUser>().UsePrincipal(http.User);
        try
        {
            var file = await render();
            return Results.File(file.Content, ReportFile.ContentType, file.FileName);
        }
        catch (ValidationFailedException invalid)
        {
            return Results.ValidationProblem(invalid.Errors.ToDictionary(e => e.Key, e => e.Value));
        }
        catch (NotFoundException missing)
        {
            return Results.Problem(missing.Message, statusCode: StatusCodes.Status404NotFound);
        }
        catch (ForbiddenException forbidden)
        {
            return Results.Problem(forbidden.Message, statusCode: StatusCodes.Status403Forbidden);
        }
    }
}
