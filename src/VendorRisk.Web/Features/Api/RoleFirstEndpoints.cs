using Microsoft.AspNetCore.Routing.Matching;

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

    /// <summary>
    /// Routing answers 415 for a body of a type an endpoint's OpenAPI description does not list, before any endpoint
    /// filter, so a Viewer posting text learned about content types rather than its role. Without that policy the
    /// description stays, the role is checked first, and <see cref="ApiJson"/> answers the 415 after it.
    /// </summary>
    public static IServiceCollection LeaveContentTypesToTheEndpoints(this IServiceCollection services)
    {
        foreach (var policy in services.Where(d => d.ServiceType == typeof(MatcherPolicy) && d.ImplementationType?.Name == "AcceptsMatcherPolicy").ToList())
            services.Remove(policy);
        return services;
    }
}
