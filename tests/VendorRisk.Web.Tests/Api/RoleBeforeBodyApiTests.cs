using System.Net;
using System.Text;
using VendorRisk.Data.Entities;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Api;

/// <summary>api.md: "A role that may not do it: 403" — whatever the body: the role is checked before the body is read.</summary>
public sealed class RoleBeforeBodyApiTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Roles.Viewer, "POST", "/api/v1/vendors")]
    [InlineData(Roles.Viewer, "POST", "/api/v1/vendors/1/models")]
    [InlineData(Roles.Viewer, "POST", "/api/v1/assessments")]
    [InlineData(Roles.Viewer, "PUT", "/api/v1/assessments/1/answers")]
    [InlineData(Roles.Viewer, "POST", "/api/v1/assessments/1/submit")]
    [InlineData(Roles.Assessor, "POST", "/api/v1/assessments/1/review")]
    [InlineData(Roles.Viewer, "POST", "/api/v1/assessments/1/findings")]
    [InlineData(Roles.Assessor, "POST", "/api/v1/assessments/1/knockouts/q/acceptance")]
    [InlineData(Roles.Reviewer, "POST", "/api/v1/question-sets")]
    [InlineData(Roles.Viewer, "PATCH", "/api/v1/findings/1")]
    public async Task A_role_that_may_not_write_gets_403_for_a_malformed_body_or_one_that_is_not_json(string role, string method, string path)
    {
        using var client = await app.ApiClientAsync(role);
        using var malformed = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("{ not json", Encoding.UTF8, "application/json") };
        using var text = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("x", Encoding.UTF8, "text/plain") };

        await ApiScenario.ExpectAsync(await client.SendAsync(malformed, Ct), HttpStatusCode.Forbidden);
        await ApiScenario.ExpectAsync(await client.SendAsync(text, Ct), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_role_that_may_write_still_gets_400_for_a_malformed_body()
    {
        using var client = await app.ApiClientAsync(Roles.Assessor);

        var response = await client.PostAsync("/api/v1/vendors", new StringContent("{ not json", Encoding.UTF8, "application/json"), Ct);

        await ApiScenario.ExpectAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_role_that_may_write_gets_415_for_a_body_that_is_not_json()
    {
        using var client = await app.ApiClientAsync(Roles.Assessor);

        var response = await client.PostAsync("/api/v1/vendors", new StringContent("x", Encoding.UTF8, "text/plain"), Ct);

        await ApiScenario.ExpectAsync(response, HttpStatusCode.UnsupportedMediaType);
    }
}
