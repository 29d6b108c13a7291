using Microsoft.AspNetCore.Diagnostics;
using VendorRisk.Domain.Common;

namespace VendorRisk.Web.Features.Api;

/// <summary>
/// Everything under /api answers as the API: the service exceptions become the status codes of
/// api.md, any other failure a 500, and a bare status from the framework (404 for an unknown path,
/// 405 for a wrong method, 401) a problem-details body — never an HTML page or a redirect.
/// Sits before authentication, so it also covers what happens there.
/// </summary>
public sealed class ApiErrorMiddleware(RequestDelegate next, ILogger<ApiErrorMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        // An API error has a problem+json body; the HTML status pages are for people.
        if (context.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
            statusPages.Enabled = false;

        try
        {
            await next(context);
            if (context.Response.StatusCode >= 400 && !context.Response.HasStarted && context.Response.ContentLength is null && context.Response.ContentType is null)
                await WriteBareStatusAsync(context);
            else if (context.Response.StatusCode is >= 300 and < 400 && !context.Response.HasStarted)
            {
                // Nothing under /api redirects (the sign-in page is for browsers).
                context.Response.Headers.Location = default;
                await ApiProblems.WriteAsync(context, StatusCodes.Status401Unauthorized, "Unauthorized", ApiProblems.InvalidTokenMessage);
            }
        }
        catch (ValidationFailedException ex)
        {
            await ApiProblems.WriteValidationAsync(context, ex.Errors);
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
        catch (ApiRequestException ex)
        {
            logger.LogInformation("Refused API request {Method} {Path}: {Status} {Message}", context.Request.Method, context.Request.Path, ex.Status, ex.Message);
            await ApiProblems.WriteAsync(context, ex.Status, ex.Title, ex.Message);
        }
        catch (BadHttpRequestException ex)
        {
            logger.LogInformation("Malformed API request {Method} {Path}: {Message}", context.Request.Method, context.Request.Path, ex.Message);
            var (title, detail) = ex.StatusCode == StatusCodes.Status408RequestTimeout
                ? ("Request body not received in time", "The request body was not received in time; send it again.")
                : ("Bad request", ex.Message);
            await ApiProblems.WriteAsync(context, ex.StatusCode, title, detail);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
        }
        catch (Exception ex)
        {
            // No stack trace, headers or token in the answer, in any environment; the log has the details.
            logger.LogError(ex, "Unhandled error in API request {Method} {Path}", context.Request.Method, context.Request.Path);
            if (context.Response.HasStarted)
                return;
            context.Response.Clear();
            await ApiProblems.WriteAsync(context, StatusCodes.Status500InternalServerError, "Internal error",
                $"The request failed on the server; nothing was changed by it. Quote {context.TraceIdentifier} to your administrator.");
        }
    }

    private static Task WriteBareStatusAsync(HttpContext context)
    {
        var status = context.Response.StatusCode;
        var (title, detail) = status switch
        {
            StatusCodes.Status401Unauthorized => ("Unauthorized", ApiProblems.InvalidTokenMessage),
            StatusCodes.Status403Forbidden => ("Forbidden", "Your role may not do this."),
            StatusCodes.Status404NotFound => ("Not found", $"No API endpoint {context.Request.Method} {context.Request.Path}."),
            StatusCodes.Status405MethodNotAllowed => ("Method not allowed",
                $"{context.Request.Method} is not allowed on {context.Request.Path}; allowed: {context.Response.Headers.Allow}."),
            StatusCodes.Status415UnsupportedMediaType => ("Unsupported media type", "Send the body as JSON with the header Content-Type: application/json."),
            _ => (ReasonPhrase(status), ReasonPhrase(status) + "."),
        };
        return ApiProblems.WriteAsync(context, status, title, detail);
    }

    private static string ReasonPhrase(int status) =>
        Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase : "Error";
}

/// <summary>Hands the token's user to the services (registered after authentication, for /api only).</summary>
public sealed class ApiPrincipalMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context, Infrastructure.CurrentUser currentUser)
    {
        if (context.User.Identity is { IsAuthenticated: true, AuthenticationType: Tokens.ApiTokenAuthenticationHandler.SchemeName })
            currentUser.UsePrincipal(context.User);
        return next(context);
    }
}
