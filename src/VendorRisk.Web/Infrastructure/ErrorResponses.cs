using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace VendorRisk.Web.Infrastructure;

/// <summary>
/// The error pages are pages: a browser's GET gets them re-executed. Any other method (a PUT, a
/// DELETE, a form post) cannot be re-executed against a page, so it gets problem details instead of a 405.
/// </summary>
internal sealed class NonPageExceptionHandler(ILogger<NonPageExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (ErrorResponses.IsPageRequest(context.Request))
            return false;
        var path = context.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? context.Request.Path.Value;
        logger.LogError(exception, "Unhandled error in {Method} {Path}", context.Request.Method, path);
        context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        await context.Response.WriteAsJsonAsync(new ProblemDetails
        {
            Status = StatusCodes.Status500InternalServerError,
            Title = "Internal error",
            Detail = $"The request failed on the server. Quote {context.TraceIdentifier} to your administrator.",
        }, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json", cancellationToken);
        return true;
    }
}

internal static class ErrorResponses
{
    public static bool IsPageRequest(HttpRequest request) =>
        (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) && !request.Path.StartsWithSegments("/api");

    /// <summary>Register right after the status-code pages: they re-execute only page requests.</summary>
    public static IApplicationBuilder UseStatusPagesOnlyForPages(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (!IsPageRequest(context.Request) && context.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
                statusPages.Enabled = false;
            return next(context);
        });
}
