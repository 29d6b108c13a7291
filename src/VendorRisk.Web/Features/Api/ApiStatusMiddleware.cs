using Microsoft.AspNetCore.Diagnostics;

namespace VendorRisk.Web.Features.Api;

/// <summary>
/// Everything under /api answers as the API: a bare status from the framework (404 for an unknown path, 405 for a
/// wrong method, 401) gets a problem-details body and nothing redirects — never an HTML page. Exceptions are
/// <see cref="ApiExceptionHandler"/>'s. Sits before authentication, so it also covers what happens there.
/// </summary>
public sealed class ApiStatusMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        // An API error has a problem+json body; the HTML status pages are for people.
        if (context.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
            statusPages.Enabled = false;

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

    private static Task WriteBareStatusAsync(HttpContext context)
    {
        var status = context.Response.StatusCode;
        if (status == StatusCodes.Status400BadRequest && UnreadableQueryValues(context, context.GetEndpoint()) is { Count: > 0 } errors)
            return ApiProblems.WriteValidationAsync(context, errors);
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

    /// <summary>
    /// A query value the framework could not bind (<c>page=abc</c>, <c>overdue=maybe</c>) is a bare 400, or a
    /// <see cref="BadHttpRequestException"/> naming .NET types where the framework throws; the endpoint's handler names
    /// its parameters, so the refusal is keyed by the field as every other 400 is (api.md).
    /// </summary>
    internal static Dictionary<string, string[]> UnreadableQueryValues(HttpContext context, Endpoint? endpoint)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (endpoint?.Metadata.GetMetadata<System.Reflection.MethodInfo>() is not { } handler)
            return errors;
        foreach (var parameter in handler.GetParameters())
        {
            if (parameter.Name is not { } name || !context.Request.Query.TryGetValue(name, out var values))
                continue;
            var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
            var value = values.ToString();
            if (type == typeof(int) && !int.TryParse(value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out _))
                errors[name] = [$"'{value}' is not a whole number."];
            else if (type == typeof(bool) && !bool.TryParse(value, out _))
                errors[name] = [$"'{value}' is neither true nor false."];
        }
        return errors;
    }

    private static string ReasonPhrase(int status) =>
        Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase : "Error";
}

/// <summary>
/// Hands the token's user to the services (registered after authentication, for /api only), as the token check read
/// them from the database in this request: the services do not read the user again.
/// </summary>
public sealed class ApiPrincipalMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context, Infrastructure.CurrentUser currentUser)
    {
        if (context.User.Identity is { IsAuthenticated: true, AuthenticationType: ApiTokenAuthenticationHandler.SchemeName }
            && ApiTokenAuthenticationHandler.CheckedActor(context.User) is { } actor)
            currentUser.UseCheckedActor(context.User, actor);
        return next(context);
    }
}
