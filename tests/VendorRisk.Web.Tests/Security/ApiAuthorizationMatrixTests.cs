using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using VendorRisk.Data.Entities;
using VendorRisk.Web.Tests.Api;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Security;

/// <summary>
/// Every API endpoint × every role (and no token), against one expected table: 0 unexpected allows, 0 unexpected
/// denies. An endpoint added without a row here fails <see cref="Every_api_endpoint_is_in_the_matrix"/>.
/// Ids point at nothing (999999): a role that may call the endpoint gets past authorization (then 400/404/409),
/// one that may not gets 403, before anything is looked up.
/// </summary>
public sealed class ApiAuthorizationMatrixTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private const string NoId = "999999";

    /// <summary>"METHOD route pattern" → (a concrete URL, a body that gets past the body reader, the least role).</summary>
    public static readonly IReadOnlyDictionary<string, (string Url, string? Body, string MinimumRole)> Endpoints = new Dictionary<string, (string, string?, string)>
    {
        ["GET /api/v1/vendors"] = ("/api/v1/vendors", null, Roles.Viewer),
        ["POST /api/v1/vendors"] = ("/api/v1/vendors", """{ "name": "" }""", Roles.Assessor),
        ["GET /api/v1/vendors/{id:int}"] = ($"/api/v1/vendors/{NoId}", null, Roles.Viewer),
        ["GET /api/v1/vendors/{id:int}/models"] = ($"/api/v1/vendors/{NoId}/models", null, Roles.Viewer),
        ["GET /api/v1/vendors/{id:int}/models/{modelId:int}"] = ($"/api/v1/vendors/{NoId}/models/{NoId}", null, Roles.Viewer),
        ["POST /api/v1/vendors/{id:int}/models"] = ($"/api/v1/vendors/{NoId}/models", """{ "name": "Matrix", "channel": "direct" }""", Roles.Assessor),
        ["GET /api/v1/question-sets"] = ("/api/v1/question-sets", null, Roles.Viewer),
        ["GET /api/v1/question-sets/{key}/versions/{n:int}"] = ("/api/v1/question-sets/no-such-set/versions/1", null, Roles.Viewer),
        ["POST /api/v1/question-sets"] = ("/api/v1/question-sets", "{}", Roles.Admin),
        ["POST /api/v1/question-sets/{key}/versions/{n:int}/publish"] = ("/api/v1/question-sets/no-such-set/versions/1/publish", null, Roles.Admin),
        ["POST /api/v1/assessments"] = ("/api/v1/assessments", $$"""{ "vendorId": {{NoId}}, "questionSetKey": "no-such-set" }""", Roles.Assessor),
        ["GET /api/v1/assessments/{id:int}"] = ($"/api/v1/assessments/{NoId}", null, Roles.Viewer),
        ["PUT /api/v1/assessments/{id:int}/answers"] = ($"/api/v1/assessments/{NoId}/answers", """{ "answers": [] }""", Roles.Assessor),
        ["POST /api/v1/assessments/{id:int}/submit"] = ($"/api/v1/assessments/{NoId}/submit", """{ "confirmIncomplete": true }""", Roles.Assessor),
        ["POST /api/v1/assessments/{id:int}/review"] = ($"/api/v1/assessments/{NoId}/review", """{ "decision": "approved" }""", Roles.Reviewer),
        ["GET /api/v1/assessments/{id:int}/report.pdf"] = ($"/api/v1/assessments/{NoId}/report.pdf", null, Roles.Viewer),
        ["GET /api/v1/compare"] = ($"/api/v1/compare?ids={NoId},999998", null, Roles.Viewer),
        ["GET /api/v1/compare/report.pdf"] = ($"/api/v1/compare/report.pdf?ids={NoId},999998", null, Roles.Viewer),
        ["POST /api/v1/assessments/{id:int}/knockouts/{questionKey}/acceptance"] = ($"/api/v1/assessments/{NoId}/knockouts/data-residency-commitment/acceptance", """{ "justification": "Pilot only.", "until": "2099-01-01" }""", Roles.Reviewer),
        ["GET /api/v1/assessments/{id:int}/knockouts/{questionKey}/acceptance"] = ($"/api/v1/assessments/{NoId}/knockouts/data-residency-commitment/acceptance", null, Roles.Viewer),
        ["DELETE /api/v1/assessments/{id:int}/knockouts/{questionKey}/acceptance"] = ($"/api/v1/assessments/{NoId}/knockouts/data-residency-commitment/acceptance", null, Roles.Reviewer),
        ["GET /api/v1/findings"] = ("/api/v1/findings", null, Roles.Viewer),
        ["GET /api/v1/findings/{id:int}"] = ($"/api/v1/findings/{NoId}", null, Roles.Viewer),
        ["POST /api/v1/assessments/{id:int}/findings"] = ($"/api/v1/assessments/{NoId}/findings", """{ "title": "Matrix", "severity": "low" }""", Roles.Assessor),
        ["POST /api/v1/assessments/{id:int}/answers/{questionKey}/files"] = ($"/api/v1/assessments/{NoId}/answers/guard/files", "{}", Roles.Assessor),
        ["GET /api/v1/files/{id:int}"] = ($"/api/v1/files/{NoId}", null, Roles.Viewer),
        ["DELETE /api/v1/files/{id:int}"] = ($"/api/v1/files/{NoId}", null, Roles.Assessor),
        ["PATCH /api/v1/findings/{id:int}"] = ($"/api/v1/findings/{NoId}", """{ "expectedVersion": 1, "status": "in-progress" }""", Roles.Assessor),
    };

    [Fact]
    public void Every_api_endpoint_is_in_the_matrix()
    {
        var mapped = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => $"{m} {e.RoutePattern.RawText!.TrimEnd('/')}"))
            .ToHashSet();

        var missing = mapped.Where(m => !Endpoints.ContainsKey(m)).Order().ToList();
        Assert.True(missing.Count == 0, $"API endpoints missing from the authorization matrix: {string.Join(", ", missing)}");
        Assert.DoesNotContain(Endpoints.Keys, k => !mapped.Contains(k));
    }

    [Fact]
    public async Task Every_api_endpoint_answers_only_the_roles_the_matrix_allows()
    {
        var tokens = new Dictionary<string, string?> { ["anonymous"] = null };
        foreach (var role in Roles.All)
            tokens[role] = await app.CreateTokenAsync(role, "matrix");

        var unexpected = new List<string>();
        foreach (var (endpoint, (url, body, minimum)) in Endpoints)
        {
            foreach (var (role, token) in tokens)
            {
                using var client = app.ApiClient(token);
                using var request = new HttpRequestMessage(new HttpMethod(endpoint.Split(' ')[0]), url);
                if (body is not null)
                    request.Content = ApiTestSupport.Json(body);
                var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

                var allowed = token is not null && Roles.Includes(role, minimum);
                var expected = allowed ? "past authorization" : token is null ? "401" : "403";
                var ok = allowed
                    ? response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) && (int)response.StatusCode < 500
                    : response.StatusCode == (token is null ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden);
                if (!ok)
                    unexpected.Add($"{role} on {endpoint}: {(int)response.StatusCode}, expected {expected}");
            }
        }

        Assert.True(unexpected.Count == 0, string.Join("\n", unexpected));
    }
}
