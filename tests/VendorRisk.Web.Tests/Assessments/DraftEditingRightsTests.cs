using System.Net;
using Microsoft.Extensions.DependencyInjection;
using VendorRisk.Data.Entities;
using VendorRisk.Web.Features.Users;
using VendorRisk.Web.Tests.Api;
using VendorRisk.Web.Tests.Cli;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Assessments;

/// <summary>
/// Issue 21 item 15 (docs/decisions/0009-who-edits-a-draft.md): a draft is changed by the assessor named
/// on it or an Admin; another Assessor reads it but may not change or submit it. Enforced in the service.
/// </summary>
public sealed class DraftEditingRightsTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpClient> OtherAssessorAsync()
    {
        var email = $"other-assessor-{Guid.NewGuid():n}@vendorrisk.test";
        await using (var scope = app.ScopeAs(Roles.Admin))
            await scope.ServiceProvider.GetRequiredService<UserService>()
                .CreateAsync(new CreateUserRequest(email, "Other assessor", Roles.Assessor, WebAppFixture.Password), Ct);
        var created = await CliRunner.RunAsync(app.Services, "tokens", "create", email, "--name", "other");
        Assert.Equal(0, created.ExitCode);
        return app.ApiClient(created.Out.Trim().Split('\n').Select(l => l.Trim()).First(l => l.StartsWith("vr_", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Item15_another_assessor_may_read_but_not_change_or_submit_a_draft()
    {
        using var owner = await app.ApiClientAsync(Roles.Assessor);
        var id = await app.CreateDraftAsync(owner);
        using var other = await OtherAssessorAsync();

        var read = await other.GetAsync($"/api/v1/assessments/{id}", Ct);
        var put = await other.PutAnswersAsync(id, Array.Empty<object>());
        var submit = await other.PostAsync($"/api/v1/assessments/{id}/submit", ApiTestSupport.Json("""{ "confirmIncomplete": true }"""), Ct);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        await ApiScenario.ExpectAsync(put, HttpStatusCode.Forbidden);
        await ApiScenario.ExpectAsync(submit, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Item15_the_assessor_named_on_the_draft_and_an_admin_may_change_it()
    {
        using var owner = await app.ApiClientAsync(Roles.Assessor);
        var id = await app.CreateDraftAsync(owner);
        using var admin = await app.ApiClientAsync(Roles.Admin);

        await ApiScenario.ExpectAsync(await owner.PutAnswersAsync(id, Array.Empty<object>()), HttpStatusCode.OK);
        await ApiScenario.ExpectAsync(await admin.PutAnswersAsync(id, Array.Empty<object>()), HttpStatusCode.OK);
    }
}
