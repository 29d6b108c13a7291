using System.Net;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Api;

public sealed class OpenApiDocumentTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    /// <summary>Every endpoint of api.md that is mapped (path → methods).</summary>
    public static readonly IReadOnlyList<(string Method, string Path)> Endpoints =
    [
        ("get", "/api/v1/vendors"),
        ("post", "/api/v1/vendors"),
        ("get", "/api/v1/vendors/{id}"),
        ("get", "/api/v1/question-sets"),
        ("get", "/api/v1/question-sets/{key}/versions/{n}"),
        ("post", "/api/v1/question-sets"),
        ("post", "/api/v1/question-sets/{key}/versions/{n}/publish"),
        ("post", "/api/v1/assessments"),
        ("put", "/api/v1/assessments/{id}/answers"),
        ("get", "/api/v1/assessments/{id}"),
        ("post", "/api/v1/assessments/{id}/submit"),
        ("post", "/api/v1/assessments/{id}/review"),
        ("get", "/api/v1/assessments/{id}/report.pdf"),
        ("get", "/api/v1/compare"),
        ("get", "/api/v1/compare/report.pdf"),
    ];

    [Fact]
    public async Task Concurrent_requests_for_the_document_all_get_the_same_document()
    {
        // The schema transformer once shared a NullabilityInfoContext and HashSets between requests; concurrent
        // builds corrupted them and every later build of the process answered 500.
        using var client = app.CreateRawClient();
        var bodies = await Task.WhenAll(Enumerable.Range(0, 12).Select(async _ =>
        {
            var response = await client.GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        }));

        Assert.All(bodies, body => Assert.Equal(bodies[0], body));
    }

    [Fact]
    public async Task The_document_is_public_parses_and_lists_every_endpoint_with_the_bearer_scheme()
    {
        using var client = app.CreateRawClient();
        var response = await client.GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.ReadJsonAsync();

        Assert.StartsWith("3.", document.GetProperty("openapi").GetString());
        var paths = document.GetProperty("paths");
        foreach (var (method, path) in Endpoints)
        {
            Assert.True(paths.TryGetProperty(path, out var item), $"{path} is missing from the OpenAPI document");
            Assert.True(item.TryGetProperty(method, out _), $"{method.ToUpperInvariant()} {path} is missing");
        }
        Assert.DoesNotContain(paths.EnumerateObject(), p => !p.Name.StartsWith("/api/v1/", StringComparison.Ordinal));
        var bearer = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer");
        Assert.Equal("http", bearer.GetProperty("type").GetString());
        Assert.Equal("bearer", bearer.GetProperty("scheme").GetString());
        var schemas = document.GetProperty("components").GetProperty("schemas");
        foreach (var schema in new[] { "AssessmentDto", "VendorDto", "VendorListItemDto", "CreateVendorDto", "QuestionSetListItemDto",
                     "QuestionSetVersionRefDto", "CreateAssessmentDto", "PutAnswersRequest", "SubmitAssessmentDto", "ReviewAssessmentDto", "ComparisonDto" })
            Assert.True(schemas.TryGetProperty(schema, out _), $"schema {schema} is missing");
        var put = paths.GetProperty("/api/v1/assessments/{id}/answers").GetProperty("put");
        Assert.True(put.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
        Assert.True(put.GetProperty("responses").TryGetProperty("409", out _));
    }
}
