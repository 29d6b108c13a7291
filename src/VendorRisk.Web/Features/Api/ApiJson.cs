using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;

namespace VendorRisk.Web.Features.Api;

/// <summary>
/// The one reader of API request bodies: a JSON content type (else 415), a size limit per endpoint
/// (else 413), a time limit (else 408), valid Unicode text without control characters, no field named twice, and no field the endpoint does not know;
/// each refusal is a problem-details answer with the path of the field at fault.
/// </summary>
public static class ApiJson
{
    /// <summary>Most bodies are a handful of fields.</summary>
    public const long DefaultMaxBodyBytes = 256 * 1024;

    /// <summary>At most <see cref="AnswersRequestParser.MaxAnswersPerRequest"/> answers with long texts.</summary>
    public const long AnswersMaxBodyBytes = 5 * 1024 * 1024;

    private const int MaxDepth = 32;

    public static Task<JsonElement> ReadElementAsync(HttpRequest request, CancellationToken cancellationToken) =>
        ReadElementAsync(request, DefaultMaxBodyBytes, cancellationToken);

    public static async Task<JsonElement> ReadElementAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        var body = await ReadBodyAsync(request, maxBytes, cancellationToken);
        return Parse(body);
    }

    /// <summary>
    /// Binds a body to <typeparamref name="T"/>: a field <typeparamref name="T"/> does not have is refused at its
    /// path, and a field of the wrong type too.
    /// </summary>
    public static async Task<T> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken, long maxBytes = DefaultMaxBodyBytes) where T : class
    {
        var element = await ReadElementAsync(request, maxBytes, cancellationToken);
        var options = request.HttpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        if (element.ValueKind == JsonValueKind.Null)
            throw RequestRefusals.One("", "A request body is required.");
        var unknown = new Dictionary<string, string[]>();
        FindUnknownFields(element, options.GetTypeInfo(typeof(T)), "", unknown);
        if (unknown.Count > 0)
            throw RequestRefusals.Of(unknown);
        try
        {
            return element.Deserialize<T>(options) ?? throw RequestRefusals.One("", "A request body is required.");
        }
        catch (JsonException ex)
        {
            var path = ex.Path is null or "$" ? "" : ex.Path.StartsWith("$.", StringComparison.Ordinal) ? ex.Path[2..] : ex.Path.TrimStart('$');
            throw RequestRefusals.One(path, "A value of the wrong type.");
        }
    }

    /// <summary>The raw body, within the endpoint's size and the API's time limit.</summary>
    public static async Task<byte[]> ReadBodyAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        if (!IsJson(request.ContentType))
            throw new ApiRequestException(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                $"Send the body as JSON with the header Content-Type: application/json (got {(string.IsNullOrEmpty(request.ContentType) ? "none" : request.ContentType)}).");
        if (request.ContentLength > maxBytes)
            throw TooLarge(maxBytes);
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
            sizeFeature.MaxRequestBodySize = maxBytes + 1;

        var timeout = request.HttpContext.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value.BodyReadTimeout;
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, timer.Token)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                    throw TooLarge(maxBytes);
                buffer.Write(chunk, 0, read);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw BodyTimedOut(timeout);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status408RequestTimeout)
        {
            throw BodyTimedOut(timeout);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw TooLarge(maxBytes);
        }
        return buffer.ToArray();
    }

    private static JsonElement Parse(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = MaxDepth, AllowDuplicateProperties = false });
            if (TextRules.FindInvalidText(document.RootElement) is { } badText)
                throw RequestRefusals.One(badText.Path, badText.Message);
            return document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw RequestRefusals.One("", $"The body is not valid JSON: {ex.Message}");
        }
    }

    private static void FindUnknownFields(JsonElement element, JsonTypeInfo type, string at, Dictionary<string, string[]> unknown)
    {
        if (element.ValueKind != JsonValueKind.Object || type.Kind != JsonTypeInfoKind.Object)
            return;
        foreach (var property in element.EnumerateObject())
        {
            var path = at.Length == 0 ? property.Name : $"{at}.{property.Name}";
            var known = type.Properties.FirstOrDefault(p => string.Equals(p.Name, property.Name, StringComparison.Ordinal));
            if (known is null)
                unknown[path] = ["Unknown field."];
            else
                FindUnknownFields(property.Value, type.Options.GetTypeInfo(known.PropertyType), path, unknown);
        }
    }

    private static bool IsJson(string? contentType) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var media)
        && media.MediaType.HasValue
        && (media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || media.MediaType.Value!.EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    private static ApiRequestException TooLarge(long maxBytes) =>
        new(StatusCodes.Status413PayloadTooLarge, "Request body too large",
            $"This endpoint takes a body of at most {maxBytes:N0} bytes.");

    private static ApiRequestException BodyTimedOut(TimeSpan timeout) =>
        new(StatusCodes.Status408RequestTimeout, "Request body not received in time",
            $"The request body was not received in time (within {timeout.TotalSeconds:0} s); send it again.");
}

/// <summary>A refusal of the HTTP request itself (its media type, size or timing) rather than of its content.</summary>
public sealed class ApiRequestException(int status, string title, string detail) : Exception(detail)
{
    public int Status { get; } = status;
    public string Title { get; } = title;
}
