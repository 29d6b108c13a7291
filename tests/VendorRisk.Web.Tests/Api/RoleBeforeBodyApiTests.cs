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
    public async Task A_role_that_may_not_write_gets_403_for_a_malformed_body(string role, string method, string path)
    {
        using var client = await app.ApiClientAsync(role);
        // (A body that is not JSON at all is a 415 for everyone: the endpoint is chosen by the media types it accepts,
        // before anyone's role is known, as an unknown path is a 404.)
        using var malformed = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("{ not json", Encoding.UTF8, "application/json") };

        await ApiScenario.ExpectAsync(await client.SendAsync(malformed, Ct), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_role_that_may_write_still_gets_400_for_a_malformed_body()
    {
        using var client = await app.ApiClientAsync(Roles.Assessor);

        var response = await client.PostAsync("/api/v1/vendors", new StringContent("{ not json", Encoding.UTF8, "application/json"), Ct);

        await ApiScenario.ExpectAsync(response, HttpStatusCode.BadRequest);
    }
}
