using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using VendorRisk.Data.Entities;
using VendorRisk.Web.Tests.Api;
using VendorRisk.Web.Tests.Findings;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Security;

/// <summary>
/// A hostile probe's texts and dates over real Kestrel: a NUL that SQLite would cut a text at, invisible-only titles and
/// comments, duplicate JSON keys, and dates no person means. Each is a 400 on its field, and nothing is stored.
/// </summary>
public sealed class HostileTextApiTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task ExpectRefusedAtAsync(HttpResponseMessage response, string path)
    {
        await ApiScenario.ExpectAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(path, await response.ErrorPathsAsync());
    }

    [Theory]
    [InlineData("""{ "title": "Logs", "severity": "low", "description": "DESCRIPTION\u0000 secret tail" }""", "description")]
    [InlineData("""{ "title": "Logs\u0007", "severity": "low" }""", "title")]
    [InlineData("""{ "title": "\u200b\u200b", "severity": "low" }""", "title")]
    [InlineData("""{ "title": "Logs", "severity": "low", "dueDate": "0001-01-01" }""", "dueDate")]
    [InlineData("""{ "title": "Logs", "severity": "low", "dueDate": "9999-12-31" }""", "dueDate")]
    [InlineData("""{ "title": "Logs", "title": "Logs again", "severity": "low" }""", "")]
    public async Task A_finding_with_a_control_character_an_invisible_title_a_far_date_or_a_key_twice_is_400_and_not_stored(string body, string path)
    {
        using var assessor = await app.ApiClientAsync(Roles.Assessor);
        var id = await PilotScenario.CreateAsync(app, assessor);

        var response = await assessor.PostAsync($"/api/v1/assessments/{id}/findings",
            ApiTestSupport.Json(body.Replace("DESCRIPTION", new string('d', 600), StringComparison.Ordinal)), Ct);

        await ExpectRefusedAtAsync(response, path);
        await using var db = await app.CreateDbContextAsync();
        Assert.False(await db.Findings.AnyAsync(f => f.AssessmentId == id, Ct));
    }

    [Fact]
    public async Task A_finding_due_in_over_ten_years_is_refused_on_patch_and_one_due_within_them_is_kept()
    {
        using var assessor = await app.ApiClientAsync(Roles.Assessor);
        var id = await PilotScenario.CreateAsync(app, assessor);
        var created = await assessor.PostAsJsonAsync($"/api/v1/assessments/{id}/findings", new { title = "Logs", severity = "low" }, Ct);
        await ApiScenario.ExpectAsync(created, HttpStatusCode.Created);
        var findingId = (await created.ReadJsonAsync()).GetProperty("id").GetInt32();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var far = await assessor.PatchAsJsonAsync($"/api/v1/findings/{findingId}", new { expectedVersion = 1, dueDate = "9999-12-31" }, Ct);
        var near = await assessor.PatchAsJsonAsync($"/api/v1/findings/{findingId}", new { expectedVersion = 1, dueDate = Date(today.AddYears(10)) }, Ct);

        await ExpectRefusedAtAsync(far, "dueDate");
        await ApiScenario.ExpectAsync(near, HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_answer_text_with_a_nul_is_400_on_the_answer_and_nothing_is_saved()
    {
        using var assessor = await app.ApiClientAsync(Roles.Assessor);
        var id = await app.CreateDraftAsync(assessor);

        var response = await assessor.PutAnswersJsonAsync(id, """{ "answers": [ { "questionKey": "x", "text": "before\u0000 secret tail" } ] }""");

        await ExpectRefusedAtAsync(response, "answers[0].text");
        await using var db = await app.CreateDbContextAsync();
        Assert.False(await db.Answers.AnyAsync(a => a.AssessmentId == id, Ct));
    }

    [Theory]
    [InlineData("9999-12-31", HttpStatusCode.BadRequest)]
    [InlineData("1999-12-31", HttpStatusCode.BadRequest)]
    [InlineData("2024-06-30", HttpStatusCode.OK)]
    public async Task Evidence_is_dated_from_2000_up_to_today(string date, HttpStatusCode expected)
    {
        using var assessor = await app.ApiClientAsync(Roles.Assessor);
        var id = await PilotScenario.CreateAsync(app, assessor, submit: false);

        var response = await assessor.PutAnswersAsync(id, new[]
        {
            new { questionKey = "other", choice = "yes", evidence = new { source = "public-documentation", date } },
        });

        await ApiScenario.ExpectAsync(response, expected);
        if (expected == HttpStatusCode.BadRequest)
            Assert.Equal(["answers[0].evidence.date"], await response.ErrorPathsAsync());
    }

    [Fact]
    public async Task A_rejection_or_an_acceptance_justified_by_invisible_characters_only_is_400()
    {
        using var assessor = await app.ApiClientAsync(Roles.Assessor);
        using var reviewer = await app.ApiClientAsync(Roles.Reviewer);
        var id = await PilotScenario.CreateAsync(app, assessor);

        var rejected = await reviewer.PostAsync($"/api/v1/assessments/{id}/review",
            ApiTestSupport.Json("""{ "decision": "rejected", "comment": "\u200b \u200b" }"""), Ct);
        var accepted = await reviewer.PostAsync($"/api/v1/assessments/{id}/knockouts/guard/acceptance",
            ApiTestSupport.Json($$"""{ "justification": "\u200b\u200b", "until": "{{Date(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30))}}" }"""), Ct);

        await ExpectRefusedAtAsync(rejected, "comment");
        await ExpectRefusedAtAsync(accepted, "justification");
    }

    [Fact]
    public async Task An_assessment_titled_with_invisible_characters_only_is_400()
    {
        using var assessor = await app.ApiClientAsync(Roles.Assessor);
        await TestData.EnsurePublishedAsync(app, TestData.Frontier);
        var vendorId = await assessor.CreateVendorAsync();

        var response = await assessor.PostAsJsonAsync("/api/v1/assessments",
            new { vendorId, questionSetKey = TestData.Frontier, title = "\u200b\u2060" }, Ct);

        await ExpectRefusedAtAsync(response, "title");
    }

    [Fact]
    public async Task A_vendor_body_naming_a_field_twice_is_400_not_last_one_wins()
    {
        using var assessor = await app.ApiClientAsync(Roles.Assessor);

        var response = await assessor.PostAsync("/api/v1/vendors", ApiTestSupport.Json("""{ "name": "dup1", "name": "dup2" }"""), Ct);

        await ApiScenario.ExpectAsync(response, HttpStatusCode.BadRequest);
        await using var db = await app.CreateDbContextAsync();
        Assert.False(await db.Vendors.AnyAsync(v => v.Name == "dup1" || v.Name == "dup2", Ct));
    }
}
