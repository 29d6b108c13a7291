using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;
using Microsoft.AspNetCore.Mvc;

namespace VendorRisk.Web.Features.Api;

/// <summary>RFC 7807 problem details for /api, written the same way by the auth handler, the rate limiter and the error mapping.</summary>
public static class ApiProblems
{
    public const string ContentType = "application/problem+json";

    public static Task WriteAsync(HttpContext context, int status, string title, string detail, IDictionary<string, object?>? extensions = null)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail, Instance = context.Request.Path };
        if (extensions is not null)
            foreach (var (key, value) in extensions)
                problem.Extensions[key] = value;
        return WriteAsync(context, problem);
    }

    /// <summary>"invalid or expired token" and nothing more: whether it was revoked, expired or never existed is not the caller's to learn.</summary>
    public const string InvalidTokenMessage = "Invalid or expired token.";

    /// <summary>A refused body lists at most this many fields; the detail says how many more there were.</summary>
    public const int MaxErrorFields = 100;

    public static Task WriteValidationAsync(HttpContext context, IReadOnlyDictionary<string, string[]> errors)
    {
        var shown = errors.Take(MaxErrorFields).ToDictionary(e => e.Key, e => e.Value.Take(10).ToArray());
        var more = errors.Count - shown.Count;
        var detail = more > 0
            ? $"The request was refused; nothing was changed. The first {shown.Count:N0} fields with errors are listed, …and {more:N0} more."
            : "The request was refused; nothing was changed. See errors.";
        return WriteAsync(context, new HttpValidationProblemDetails(shown)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request was refused",
            Detail = detail,
            Instance = context.Request.Path,
        });
    }

    private static async Task WriteAsync(HttpContext context, ProblemDetails problem)
    {
        if (context.Response.HasStarted)
            return;
        var options = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        context.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        context.Response.ContentType = ContentType;
        await JsonSerializer.SerializeAsync(context.Response.Body, problem, problem.GetType(), options, context.RequestAborted);
    }
}
