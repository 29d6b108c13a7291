using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using VendorRisk.Domain.Common;

namespace VendorRisk.Web.Features.Api;

/// <summary>Request bodies are read here, so a malformed body is a 400 with a path, not a framework page.</summary>
public static class ApiJson
{
    public const long MaxBodyBytes = 5 * 1024 * 1024;

    public static async Task<JsonElement> ReadElementAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, new JsonDocumentOptions { MaxDepth = 32 }, cancellationToken);
            return document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new ValidationFailedException("", $"The body is not valid JSON: {ex.Message}");
        }
    }

    /// <summary>Binds a body to <typeparamref name="T"/>; a field of the wrong type is an error at its path.</summary>
    public static async Task<T> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken) where T : class
    {
        var options = request.HttpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(request.Body, options, cancellationToken)
                ?? throw new ValidationFailedException("", "A request body is required.");
        }
        catch (JsonException ex)
        {
            var path = ex.Path is null or "$" ? "" : ex.Path.StartsWith("$.", StringComparison.Ordinal) ? ex.Path[2..] : ex.Path.TrimStart('$');
            throw new ValidationFailedException(path, ex.Path is null ? $"The body is not valid JSON: {ex.Message}" : "A value of the wrong type, or malformed JSON.");
        }
    }
}
