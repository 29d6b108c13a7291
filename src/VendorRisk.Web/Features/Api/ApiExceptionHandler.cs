using Microsoft.AspNetCore.Diagnostics;

namespace VendorRisk.Web.Features.Api;

/// <summary>
/// The one mapping from the services' exceptions to api.md's answers, for everything under /api: refused input 400
/// with its paths, 403, 404, 409 with the current state, the request's own faults (413, 415, 408) with their
/// words, and anything else a 500 that quotes the trace id and shows no stack, header or token in any environment.
/// </summary>
public sealed class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Request.Path.StartsWithSegments("/api"))
            return false;

        switch (exception)
        {
            case ValidationFailedException ex:
                await ApiProblems.WriteValidationAsync(context, ex.Errors);
                break;
            case ForbiddenException ex:
                await ApiProblems.WriteAsync(context, StatusCodes.Status403Forbidden, "Forbidden", ex.Message);
                break;
            case NotFoundException ex:
                await ApiProblems.WriteAsync(context, StatusCodes.Status404NotFound, "Not found", ex.Message);
                break;
            case ConflictException ex:
                await ApiProblems.WriteAsync(context, StatusCodes.Status409Conflict, "Conflict", ex.Message,
                    new Dictionary<string, object?> { ["current"] = ex.Current });
                break;
            case ApiRequestException ex:
                logger.LogInformation("Refused API request {Method} {Path}: {Status} {Message}", context.Request.Method, context.Request.Path, ex.Status, ex.Message);
                await ApiProblems.WriteAsync(context, ex.Status, ex.Title, ex.Message);
                break;
            case BadHttpRequestException { StatusCode: StatusCodes.Status400BadRequest } when ApiStatusMiddleware.UnreadableQueryValues(context, FailedEndpoint(context)) is { Count: > 0 } errors:
                await ApiProblems.WriteValidationAsync(context, errors);
                break;
            case BadHttpRequestException ex:
                logger.LogInformation("Malformed API request {Method} {Path}: {Message}", context.Request.Method, context.Request.Path, ex.Message);
                var (title, detail) = ex.StatusCode == StatusCodes.Status408RequestTimeout
                    ? ("Request body not received in time", "The request body was not received in time; send it again.")
                    : ("Bad request", ex.Message);
                await ApiProblems.WriteAsync(context, ex.StatusCode, title, detail);
                break;
            default:
                logger.LogError(exception, "Unhandled error in API request {Method} {Path}", context.Request.Method, context.Request.Path);
                await ApiProblems.WriteAsync(context, StatusCodes.Status500InternalServerError, "Internal error",
                    $"The request failed on the server; nothing was changed by it. Quote {context.TraceIdentifier} to your administrator.");
                break;
        }
        return true;
    }

    /// <summary>The endpoint that threw: the exception-handler middleware has cleared the request's own by now.</summary>
    private static Endpoint? FailedEndpoint(HttpContext context) => context.Features.Get<IExceptionHandlerFeature>()?.Endpoint;
}
