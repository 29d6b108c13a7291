namespace VendorRisk.Web.Features.EvidenceFiles;

/// <summary>Downloads for signed-in users (the API's own route is /api/v1/files/{id}).</summary>
public static class EvidenceFileEndpoints
{
    public static string DownloadPath(int fileId) => $"/evidence-files/{fileId}";

    public static IEndpointRouteBuilder MapEvidenceFileDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet("/evidence-files/{id:int}", async (int id, HttpContext http, EvidenceFileQueries files, CancellationToken cancellationToken) =>
            {
                http.RequestServices.GetRequiredService<CurrentUser>().UsePrincipal(http.User);
                try
                {
                    return EvidenceFileHttp.Download(http, await files.OpenAsync(id, cancellationToken));
                }
                catch (NotFoundException missing)
                {
                    return Results.Problem(missing.Message, statusCode: StatusCodes.Status404NotFound);
                }
                catch (ForbiddenException forbidden)
                {
                    return Results.Problem(forbidden.Message, statusCode: StatusCodes.Status403Forbidden);
                }
            })
            .RequireAuthorization(Policies.Viewer);
        return app;
    }
}
