namespace VendorRisk.Web.Features.Api;

/// <summary>
/// api.md: "A role that may not do it: 403". The services check the role, but an endpoint reads its body first, so a
/// Viewer's malformed body was a 400 (or a 415); the use case's own role is checked before the body instead.
/// </summary>
internal static class RoleFirstEndpoints
{
    public static RouteHandlerBuilder ChecksRoleOf<TRequest>(this RouteHandlerBuilder endpoint) =>
        endpoint.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            await http.RequestServices.GetRequiredService<Infrastructure.UseCases.UseCasePipeline>().RequireRoleOfAsync<TRequest>(http.RequestAborted);
            return await next(context);
        });
}
