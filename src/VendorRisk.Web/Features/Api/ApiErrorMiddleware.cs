using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using VendorRisk.Domain.Common;
using VendorRisk.Web.Features.Tokens;
using VendorRisk.Web.Infrastructure;

namespace VendorRisk.Web.Features.Api;

/// <summary>
/// Wraps every /api request: the services see the token's user, and the service exceptions
/// become the status codes of api.md (one mapping for every endpoint).
/// </summary>
public sealed class ApiErrorMiddleware(RequestDelegate next, ILogger<ApiErrorMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context, CurrentUser currentUser)
    {
        // An API error has a problem+json body; the HTML status pages are for people.
        if (context.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
            statusPages.Enabled = false;
        if (context.User.Identity is { IsAuthenticated: true, AuthenticationType: ApiTokenAuthenticationHandler.SchemeName })
            currentUser.UsePrincipal(context.User);

        try
        {
            await next(context);
            if (context.Response.StatusCode == StatusCodes.Status404NotFound && !context.Response.HasStarted && context.Response.ContentLength is null && context.Response.ContentType is null)
                await ApiProblems.WriteAsync(context, StatusCodes.Status404NotFound, "Not found", $"No API endpoint {context.Request.Method} {context.Request.Path}.");
        }
        catch (ValidationFailedException ex)
        {
            await ApiProblems.WriteValidationAsync(context, ex.Errors, ex.Message);
        }
        catch (ForbiddenException ex)
        {
            await ApiProblems.WriteAsync(context, StatusCodes.Status403Forbidden, "Forbidden", ex.Message);
        }
        catch (NotFoundException ex)
        {
            await ApiProblems.WriteAsync(context, StatusCodes.Status404NotFound, "Not found", ex.Message);
        }
        catch (ConflictException ex)
        {
            await ApiProblems.WriteAsync(context, StatusCodes.Status409Conflict, "Conflict", ex.Message,
                new Dictionary<string, object?> { ["current"] = ex.Current });
        }
        catch (Exception ex) when (ex is JsonException or BadHttpRequestException)
        {
            logger.LogInformation("Malformed API request {Path}: {Message}", context.Request.Path, ex.Message);
            await ApiProblems.WriteValidationAsync(context, new Dictionary<string, string[]> { [""] = [ex.Message] }, "The request body is not valid JSON of the expected shape.");
        }
    }
}
