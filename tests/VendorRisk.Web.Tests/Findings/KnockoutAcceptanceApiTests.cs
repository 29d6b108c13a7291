using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using VendorRisk.Data.Entities;
using VendorRisk.Domain.Scoring;
using VendorRisk.Web.Features.Assessments;
using VendorRisk.Web.Features.Vendors;
using VendorRisk.Web.Tests.Api;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Findings;

/// <summary>api.md's acceptance endpoints and every refusal of scoring.md §4.</summary>
public sealed class KnockoutAcceptanceApiTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Task<HttpResponseMessage> AcceptAsync(HttpClient client, int id, string key, object body) =>
        client.PostAsJsonAsync($"/api/v1/assessments/{id}/knockouts/{key}/acceptance", body, Ct);

    private async Task<JsonElement> ScoreAsync(HttpClient client, int id) =>
        (await (await client.GetAsync($"/api/v1/assessments/{id}", Ct)).ReadJsonAsync()).GetProperty("score");

    [Fact]
    public async Task Accepting_every_knockout_uncaps_the_rating_the_knockouts_stay_listed_and_revoking_caps_it_again()
    {
        using var assessor = await app.ApiClientAsync(Roles.Assessor);
        using var reviewer = await app.ApiClientAsync(Roles.Reviewer);
        var id = await PilotScenario.CreateAsync(app, assessor);
        var until = Today.AddDays(90);
        Assert.Equal("High", (await ScoreAsync(reviewer, id)).GetProperty("rating").GetString());

        var first = await AcceptAsync(reviewer, id, "guard", new { justification = "Pilot on synthetic data only.", until = Date(until) });
        await ApiScenario.ExpectAsync(first, HttpStatusCode.Created);
        var some = await ScoreAsync(reviewer, id);
        Assert.Equal("High", some.GetProperty("rating").GetString());
        await ApiScenario.ExpectAsync(await AcceptAsync(reviewer, id, "logs", new { justification = "Logged on our side.", until = Date(until) }), HttpStatusCode.Created);

        var all = await ScoreAsync(reviewer, id);
        Assert.Equal("Low", all.GetProperty("rating").GetString());
        Assert.Equal("Low", all.GetProperty("bandRating").GetString());
        Assert.Equal(["guard", "logs"], all.GetProperty("knockouts").EnumerateArray().Select(k => k.GetString()));
        var accepted = all.GetProperty("acceptedKnockouts").EnumerateArray().ToList();
        Assert.Equal(2, accepted.Count);
        Assert.Equal("guard", accepted[0].GetProperty("questionKey").GetString());
        Assert.Equal(app.UserIdOf(Roles.Reviewer), accepted[0].GetProperty("acceptedBy").GetString());
        Assert.Equal(Date(until), accepted[0].GetProperty("until").GetString());

        var revoked = await reviewer.DeleteAsync($"/api/v1/assessments/{id}/knockouts/logs/acceptance", Ct);
        await ApiScenario.ExpectAsync(revoked, HttpStatusCode.NoContent);
        var after = await ScoreAsync(reviewer, id);
        Assert.Equal("High", after.GetProperty("rating").GetString());
        Assert.Single(after.GetProperty("acceptedKnockouts").EnumerateArray());
        await ApiScenario.ExpectAsync(await reviewer.DeleteAsync($"/api/v1/assessments/{id}/knockouts/logs/acceptance", Ct), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_acceptances_location_answers_with_who_accepted_it_until_when_and_why_and_is_gone_once_revoked()
    {
        using var assessor = await app.ApiClientAsync(Roles.Assessor);
        using var reviewer = await app.ApiClientAsync(Roles.Reviewer);
        using var viewer = await app.ApiClientAsync(Roles.Viewer);
        var id = await PilotScenario.CreateAsync(app, assessor);
        var until = Today.AddDays(30);
        await ApiScenario.ExpectAsync(await viewer.GetAsync($"/api/v1/assessments/{id}/knockouts/guard/acceptance", Ct), HttpStatusCode.NotFound);

        var created = await AcceptAsync(reviewer, id, "guard", new { justification = "  Pilot on synthetic data only. ", until = Date(until) });
        await ApiScenario.ExpectAsync(created, HttpStatusCode.Created);
        var location = created.Headers.Location!.ToString();
        Assert.Equal($"/api/v1/assessments/{id}/knockouts/guard/acceptance", location);

        var read = await viewer.GetAsync(location, Ct);
        await ApiScenario.ExpectAsync(read, HttpStatusCode.OK);
        var acceptance = await read.ReadJsonAsync();
        Assert.Equal("guard", acceptance.GetProperty("questionKey").GetString());
        Assert.Equal("Pilot on synthetic data only.", acceptance.GetProperty("justification").GetString());
        Assert.Equal(Date(until), acceptance.GetProperty("until").GetString());
        Assert.Equal(app.UserIdOf(Roles.Reviewer), acceptance.GetProperty("acceptedBy").GetString());
        Assert.Equal("Test Reviewer", acceptance.GetProperty("acceptedByName").GetString());
        Assert.True(acceptance.GetProperty("inForce").GetBoolean());
        Assert.InRange(acceptance.GetProperty("acceptedAt").GetDateTime(), DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddMinutes(1));

        // A second acceptance replaces the first: the location answers with the new one.
        await ApiScenario.ExpectAsync(await AcceptAsync(reviewer, id, "guard", new { justification = "Extended for the pilot's second phase.", until = Date(until.AddDays(30)) }),
            HttpStatusCode.Created);
        var replaced = await (await viewer.GetAsync(location, Ct)).ReadJsonAsync();
        Assert.Equal("Extended for the pilot's second phase.", replaced.GetProperty("justification").GetString());
        Assert.Equal(Date(until.AddDays(30)), replaced.GetProperty("until").GetString());

        await ApiScenario.ExpectAsync(await reviewer.DeleteAsync(location, Ct), HttpStatusCode.NoContent);
        await ApiScenario.ExpectAsync(await viewer.GetAsync(location, Ct), HttpStatusCode.NotFound);
        await ApiScenario.ExpectAsync(await viewer.GetAsync("/api/v1/assessments/999999/knockouts/guard/acceptance", Ct), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_assessment_and_vendor_lists_and_the_vendor_page_list_every_knockout_and_name_who_accepted_which_until_when()
    {
        using var assessor = await app.ApiClientAsync(Roles.Assessor);
        using var reviewer = await app.ApiClientAsync(Roles.Reviewer);
        var id = await PilotScenario.CreateAsync(app, assessor);
        var vendorId = (await (await reviewer.GetAsync($"/api/v1/assessments/{id}", Ct)).ReadJsonAsync()).GetProperty("vendorId").GetInt32();
        var until = Today.AddDays(90);
        await using var viewer = app.ScopeAs(Roles.Viewer);
        var lists = viewer.ServiceProvider.GetRequiredService<AssessmentList>();
        var vendors = viewer.ServiceProvider.GetRequiredService<VendorService>();
        async Task<AssessmentListRow> AssessmentRowAsync() =>
            (await lists.PageAsync(new AssessmentListQuery(VendorId: vendorId), 0, 10, Ct)).Items.Single();
        async Task<VendorSummary> VendorRowAsync() =>
            (await vendors.PageAsync(new VendorQuery(Search: (await vendors.GetAsync(vendorId, Ct)).Name), 0, 10, Ct)).Items.Single(v => v.Id == vendorId);
        static string Shown(IEnumerable<KnockoutAcceptance> accepted) =>
            string.Join("; ", accepted.Select(a => $"{a.QuestionKey} by {a.AcceptedByName} until {Date(a.Until)}"));
        var expected = $"guard by Test Reviewer until {Date(until)}; logs by Test Reviewer until {Date(until)}";

        await ApiScenario.ExpectAsync(await AcceptAsync(reviewer, id, "guard", new { justification = "Pilot on synthetic data only.", until = Date(until) }), HttpStatusCode.Created);
        var one = await AssessmentRowAsync();
        Assert.Equal(["guard", "logs"], one.Knockouts.Select(k => k.Key));
        Assert.Equal($"guard by Test Reviewer until {Date(until)}", Shown(one.Accepted));

        await ApiScenario.ExpectAsync(await AcceptAsync(reviewer, id, "logs", new { justification = "Logged on our side.", until = Date(until) }), HttpStatusCode.Created);
        await ApiScenario.ExpectAsync(await reviewer.PostAsJsonAsync($"/api/v1/assessments/{id}/review", new { decision = "approved" }, Ct), HttpStatusCode.OK);
        var both = await AssessmentRowAsync();
        Assert.Equal(("Low", 2), (both.Shown.Rating, both.Knockouts.Count));
        Assert.Equal(expected, Shown(both.Accepted));
        var vendor = await VendorRowAsync();
        Assert.Equal("Low", vendor.LatestRating);
        Assert.Equal(["guard", "logs"], vendor.LatestKnockouts.Select(k => k.Key));
        Assert.Equal(expected, Shown(vendor.LatestAccepted));
        var row = Assert.Single((await vendors.GetAsync(vendorId, Ct)).Assessments);
        Assert.Equal(["guard", "logs"], row.Knockouts.Select(k => k.Key));
        Assert.Equal(expected, Shown(row.Accepted));

        // Revoked, the knockout caps the rating again and is no longer shown as accepted anywhere.
        await ApiScenario.ExpectAsync(await reviewer.DeleteAsync($"/api/v1/assessments/{id}/knockouts/logs/acceptance", Ct), HttpStatusCode.NoContent);
        var revoked = $"guard by Test Reviewer until {Date(until)}";
        Assert.Equal(("High", revoked), ((await AssessmentRowAsync()).Shown.Rating, Shown((await AssessmentRowAsync()).Accepted)));
        Assert.Equal(("High", revoked), ((await VendorRowAsync()).LatestRating, Shown((await VendorRowAsync()).LatestAccepted)));
        Assert.Equal(revoked, Shown(Assert.Single((await vendors.GetAsync(vendorId, Ct)).Assessments).Accepted));
    }

    [Fact]
    public async Task A_draft_sent_back_keeps_its_acceptances_and_its_resubmission_is_audited_with_the_band_rating()
    {
        using var assessor = await app.ApiClientAsync(Roles.Assessor);
        using var reviewer = await app.ApiClientAsync(Roles.Reviewer);
        var id = await PilotScenario.CreateAsync(app, assessor);
        foreach (var key in new[] { "guard", "logs" })
            await ApiScenario.ExpectAsync(await AcceptAsync(reviewer, id, key, new { justification = "Pilot.", until = Date(Today.AddDays(30)) }), HttpStatusCode.Created);
        await ApiScenario.ExpectAsync(await reviewer.PostAsJsonAsync($"/api/v1/assessments/{id}/review", new { decision = "returned", comment = "Add the SLA." }, Ct), HttpStatusCode.OK);
        Assert.Equal("Low", (await ScoreAsync(assessor, id)).GetProperty("rating").GetString());

        await ApiScenario.ExpectAsync(await assessor.PostAsJsonAsync($"/api/v1/assessments/{id}/submit", new { confirmIncomplete = true }, Ct), HttpStatusCode.OK);

        await using var db = await app.CreateDbContextAsync();
        var submissions = db.AuditEntries.Where(e => e.Action == "assessment-submitted" && e.EntityId == id.ToString(CultureInfo.InvariantCulture))
            .OrderBy(e => e.Id).Select(e => e.Summary).ToList();
        Assert.Equal(2, submissions.Count);
        Assert.Contains("rating High", submissions[0], StringComparison.Ordinal);
        Assert.Contains("rating Low", submissions[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_assessor_may_not_accept_the_risk_of_their_own_assessment_403()
    {
        using var reviewerAsAssessor = await app.ApiClientAsync(Roles.Reviewer);
        var id = await PilotScenario.CreateAsync(app, reviewerAsAssessor);

        var response = await AcceptAsync(reviewerAsAssessor, id, "guard", new { justification = "Mine.", until = Date(Today.AddDays(10)) });

        await ApiScenario.ExpectAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal("High", (await ScoreAsync(reviewerAsAssessor, id)).GetProperty("rating").GetString());
    }

    [Fact]
    public async Task An_assessor_role_may_not_accept_or_revoke_403()
    {
        using var assessor = await app.ApiClientAsync(Roles.Assessor);
        var id = await PilotScenario.CreateAsync(app, assessor);

        await ApiScenario.ExpectAsync(await AcceptAsync(assessor, id, "guard", new { justification = "x", until = Date(Today) }), HttpStatusCode.Forbidden);
        await ApiScenario.ExpectAsync(await assessor.DeleteAsync($"/api/v1/assessments/{id}/knockouts/guard/acceptance", Ct), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_admin_who_is_not_the_assessor_may_accept()
    {
        using var assessor = await app.ApiClientAsync(Roles.Assessor);
        using var admin = await app.ApiClientAsync(Roles.Admin);
        var id = await PilotScenario.CreateAsync(app, assessor);

        await ApiScenario.ExpectAsync(await AcceptAsync(admin, id, "guard", new { justification = "Board decision.", until = Date(Today.AddDays(365)) }), HttpStatusCode.Created);
    }

    [Theory]
    [InlineData(-1, "until")]
    [InlineData(366, "until")]
    public async Task A_past_date_or_one_more_than_365_days_ahead_is_400(int days, string path)
    {
        using var assessor = await app.ApiClientAsync(Roles.Assessor);
        using var reviewer = await app.ApiClientAsync(Roles.Reviewer);
        var id = await PilotScenario.CreateAsync(app, assessor);

        var response = await AcceptAsync(reviewer, id, "guard", new { justification = "Pilot.", until = Date(Today.AddDays(days)) });

        await ApiScenario.ExpectAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(path, await response.ErrorPathsAsync());
        Assert.Empty((await ScoreAsync(reviewer, id)).GetProperty("acceptedKnockouts").EnumerateArray());
    }

    [Theory]
    [InlineData("""{ "until": "2099-01-01" }""", "justification")]
    [InlineData("""{ "justification": "  " }""", "justification")]
    [InlineData("""{ "justification": "Pilot." }""", "until")]
    public async Task No_justification_or_no_date_is_400(string body, string path)
    {
        using var assessor = await app.ApiClientAsync(Roles.Assessor);
        using var reviewer = await app.ApiClientAsync(Roles.Reviewer);
        var id = await PilotScenario.CreateAsync(app, assessor);

        var response = await reviewer.PostAsync($"/api/v1/assessments/{id}/knockouts/guard/acceptance", ApiTestSupport.Json(body), Ct);

        await ApiScenario.ExpectAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(path, await response.ErrorPathsAsync());
    }

    [Theory]
    [InlineData("other")]
    [InlineData("no-such-question")]
    public async Task A_question_that_is_not_a_knockout_now_is_400(string key)
    {
        using var assessor = await app.ApiClientAsync(Roles.Assessor);
        using var reviewer = await app.ApiClientAsync(Roles.Reviewer);
        var id = await PilotScenario.CreateAsync(app, assessor);

        var response = await AcceptAsync(reviewer, id, key, new { justification = "Pilot.", until = Date(Today.AddDays(5)) });

        await ApiScenario.ExpectAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("questionKey", await response.ErrorPathsAsync());
    }

    [Fact]
    public async Task A_knockout_of_a_draft_is_409()
    {
        using var assessor = await app.ApiClientAsync(Roles.Assessor);
        using var reviewer = await app.ApiClientAsync(Roles.Reviewer);
        var id = await PilotScenario.CreateAsync(app, assessor, submit: false);

        var response = await AcceptAsync(reviewer, id, "guard", new { justification = "Pilot.", until = Date(Today.AddDays(5)) });

        await ApiScenario.ExpectAsync(response, HttpStatusCode.Conflict);
        Assert.Equal("draft", (await response.ReadJsonAsync()).GetProperty("current").GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_acceptance_lapses_by_itself_the_day_after_its_expiry()
    {
        using var assessor = await app.ApiClientAsync(Roles.Assessor);
        using var reviewer = await app.ApiClientAsync(Roles.Reviewer);
        var id = await PilotScenario.CreateAsync(app, assessor);
        await using (var db = await app.CreateDbContextAsync())
        {
            // Accepted a while ago: one until yesterday (lapsed), one until today (in force).
            foreach (var (key, until) in new[] { ("guard", Today.AddDays(-1)), ("logs", Today) })
            {
                db.RiskAcceptances.Add(new RiskAcceptance
                {
                    AssessmentId = id, QuestionKey = key, Justification = "Earlier pilot.", Until = until,
                    AcceptedById = app.UserIdOf(Roles.Reviewer), AcceptedAt = DateTime.UtcNow.AddDays(-30),
                });
            }
            await db.SaveChangesAsync(Ct);
        }

        var score = await ScoreAsync(reviewer, id);

        Assert.Equal("High", score.GetProperty("rating").GetString());
        Assert.Equal("logs", Assert.Single(score.GetProperty("acceptedKnockouts").EnumerateArray()).GetProperty("questionKey").GetString());
    }

    [Fact]
    public async Task Acceptances_and_revocations_are_audited_in_the_assessment_history()
    {
        using var assessor = await app.ApiClientAsync(Roles.Assessor);
        using var reviewer = await app.ApiClientAsync(Roles.Reviewer);
        var id = await PilotScenario.CreateAsync(app, assessor);
        await ApiScenario.ExpectAsync(await AcceptAsync(reviewer, id, "guard", new { justification = "Pilot.", until = Date(Today.AddDays(5)) }), HttpStatusCode.Created);
        await ApiScenario.ExpectAsync(await reviewer.DeleteAsync($"/api/v1/assessments/{id}/knockouts/guard/acceptance", Ct), HttpStatusCode.NoContent);

        await using var db = await app.CreateDbContextAsync();
        var entityId = $"{id}/guard";
        var actions = db.AuditEntries.Where(e => e.EntityType == "risk-acceptance" && e.EntityId == entityId).OrderBy(e => e.Id).Select(e => e.Action).ToList();
        Assert.Equal(["knockout-risk-accepted", "knockout-risk-revoked"], actions);
    }
}
