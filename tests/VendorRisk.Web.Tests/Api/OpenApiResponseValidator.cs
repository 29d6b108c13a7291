using System.Text.Json;
using System.Text.RegularExpressions;
using Json.Schema;

namespace VendorRisk.Web.Tests.Api;

/// <summary>
/// Checks every API response a test receives against docs/openapi.json (which a test keeps equal to the served
/// document): the status must be documented for the operation, and a JSON body must be valid against the
/// schema of that status and media type (OpenAPI 3.1 schemas are JSON Schema 2020-12). A violation fails the
/// request, and with it the test that made it.
/// </summary>
public sealed class OpenApiResponseValidator(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private static readonly Uri DocumentUri = new("urn:vendorrisk:openapi-v1");
    private static readonly Lock Gate = new();
    private static readonly Lazy<(JsonDocument Document, BuildOptions Options, List<(Regex Path, string Template)> Paths)> Loaded = new(Load);

    private static (JsonDocument, BuildOptions, List<(Regex, string)>) Load()
    {
        var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "openapi.json")));
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        options.SchemaRegistry.Register(DocumentUri, new JsonElementBaseDocument(document.RootElement, DocumentUri));
        var paths = document.RootElement.GetProperty("paths").EnumerateObject()
            .Select(p => (new Regex("^" + Regex.Replace(Regex.Escape(p.Name), @"\\\{[^}]+}", "[^/]+") + "$"), p.Name))
            .ToList();
        return (document, options, paths);
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        var path = request.RequestUri!.AbsolutePath;
        if (!path.StartsWith("/api/", StringComparison.Ordinal))
            return response;

        var (document, options, paths) = Loaded.Value;
        var template = paths.FirstOrDefault(p => p.Path.IsMatch(path)).Template;
        if (template is null)
            return response;
        var method = request.Method.Method.ToLowerInvariant();
        if (!document.RootElement.GetProperty("paths").GetProperty(template).TryGetProperty(method, out var operation))
            return response;
        var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!operation.GetProperty("responses").TryGetProperty(status, out var documented))
            throw new OpenApiViolationException($"{request.Method} {path}: status {status} is not documented for {template}.");

        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (mediaType is null || !documented.TryGetProperty("content", out var content))
            return response;
        if (!content.TryGetProperty(mediaType, out var media))
            throw new OpenApiViolationException($"{request.Method} {path}: {status} answered {mediaType}, documented: {string.Join(", ", content.EnumerateObject().Select(c => c.Name))}.");
        if (!mediaType.EndsWith("json", StringComparison.Ordinal) || !media.TryGetProperty("schema", out _))
            return response;

        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        using var json = JsonDocument.Parse(body);
        var pointer = $"#/paths/{Escape(template)}/{method}/responses/{status}/content/{Escape(mediaType)}/schema";
        EvaluationResults result;
        // One at a time: the shared schema registry is not safe for concurrent builds, and tests of several classes
        // run at once ("Could not resolve urn:vendorrisk:openapi-v1#/…" failed a request now and then).
        lock (Gate)
        {
            var schema = JsonSchema.FromText($$"""{"$schema":"https://json-schema.org/draft/2020-12/schema","$ref":"{{DocumentUri}}{{pointer}}"}""", options);
            result = schema.Evaluate(json.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        }
        if (!result.IsValid)
        {
            var errors = (result.Details ?? []).Where(d => d.Errors is not null)
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"));
            throw new OpenApiViolationException($"{request.Method} {path}: the {status} body does not match the document: {string.Join("; ", errors)}\n{body}");
        }

        return response;
    }

    private static string Escape(string segment) => Uri.EscapeDataString(segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal));
}

public sealed class OpenApiViolationException(string message) : Exception(message);
