namespace VendorRisk.Web.Features.QuestionSets;

/// <summary>
/// Serves the JSON Schema of <c>vendorrisk.question-set/1</c> (schemas/ in the repository, embedded at build time)
/// at a URL that stays the same for as long as the format does, so editors and CI pipelines can point at it.
/// </summary>
public static class QuestionSetSchemaEndpoint
{
    public const string Path = "/schemas/vendorrisk.question-set-1.schema.json";
    public const string ContentType = "application/schema+json";
    private const string Resource = "VendorRisk.Web.schemas.vendorrisk.question-set-1.schema.json";

    private static readonly Lazy<byte[]> Schema = new(() =>
    {
        using var stream = typeof(QuestionSetSchemaEndpoint).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The embedded resource {Resource} is missing.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    public static void Map(WebApplication app) =>
        app.MapGet(Path, (HttpContext context) =>
            {
                context.Response.Headers.CacheControl = "public, max-age=3600";
                return Results.Bytes(Schema.Value, ContentType);
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
}
