using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VendorRisk.Data.Entities;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Api;

public sealed class AssessmentsApiTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Long(int length) => new('x', length);

    [Fact]
    public async Task An_assessor_creates_an_assessment_on_the_newest_published_version_and_gets_201()
    {
        using var assessor = await app.ApiClientAsync(Roles.Assessor);
        await TestData.EnsurePublishedAsync(app, TestData.Frontier);
        var vendorId = await assessor.CreateVendorAsync();

        var response = await assessor.PostAsJsonAsync("/api/v1/assessments", new { vendorId, questionSetKey = TestData.Frontier, title = "API pilot" }, Ct);

        await ApiScenario.ExpectAsync(response, HttpStatusCode.Created);
        var body = await response.ReadJsonAsync();
        var id = body.GetProperty("id").GetInt32();
        Assert.Equal($"/api/v1/assessments/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal(vendorId, body.GetProperty("vendorId").GetInt32());
        Assert.Equal(TestData.Frontier, body.GetProperty("questionSet").GetProperty("key").GetString());
        Assert.True(body.GetProperty("questionSet").GetProperty("version").GetInt32() >= 1);
        Assert.Equal("draft", body.GetProperty("status").GetString());
        Assert.Empty(body.GetProperty("answers").EnumerateArray());
        Assert.Equal(0, body.GetProperty("score").GetProperty("completeness").GetDouble());
    }

    [Theory]
    [InlineData("""{ "questionSetKey": "frontier-ai-buyer-checklist" }""", "vendorId")]
    [InlineData("""{ "vendorId": 987654, "questionSetKey": "frontier-ai-buyer-checklist" }""", "vendorId")]
    [InlineData("""{ "vendorId": 1, "questionSetKey": "no-such-set" }""", "questionSetKey")]
    [InlineData("""{ "vendorId": "one", "questionSetKey": "frontier-ai-buyer-checklist" }""", "vendorId")]
    public async Task A_bad_create_request_is_400_on_its_field(string body, string path)
    {
        await TestData.EnsurePublishedAsync(app, TestData.Frontier);
        using var assessor = await app.ApiClientAsync(Roles.Assessor);
        var response = await assessor.PostAsync("/api/v1/assessments", ApiTestSupport.Json(body), Ct);
        await ApiScenario.ExpectAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(path, await response.ErrorPathsAsync());
    }

    [Fact]
    public async Task Put_answers_merges_and_returns_the_assessment_as_get_does()
    {
        using var assessor = await app.ApiClientAsync(Roles.Assessor);
        var id = await app.CreateDraftAsync(assessor);

        await ApiScenario.ExpectAsync(await assessor.PutAnswersAsync(id, new object[]
        {
            new { questionKey = "usage-anomaly-detection", choice = "none" },
            new { questionKey = "price-input", number = 3.5 },
        }), HttpStatusCode.OK);
        var response = await assessor.PutAnswersAsync(id, new object[]
        {
            new { questionKey = "tenant-abuse-controls", choices = new[] { "org-quotas", "scoped-keys" }, note = "Per project." },
            new { questionKey = "pricing-notes", text = "Volume discounts above 5B tokens." },
            new { questionKey = "region-gating", notApplicable = true, justification = "Single region." },
            new { questionKey = "price-input", clear = true },
            new
            {
                questionKey = "red-teaming", choice = "external-pre-release",
                evidence = new { description = "SOC 2 report §4", source = "independent-test", date = "2026-06-30" },
            },
        });

        await ApiScenario.ExpectAsync(response, HttpStatusCode.OK);
        var put = await response.ReadJsonAsync();
        var get = await (await assessor.GetAsync($"/api/v1/assessments/{id}", Ct)).ReadJsonAsync();
        Assert.Equal(get.GetRawText(), put.GetRawText());

        var answers = put.GetProperty("answers").EnumerateArray().ToDictionary(a => a.GetProperty("questionKey").GetString()!);
        Assert.Equal(
            ["pricing-notes", "red-teaming", "region-gating", "tenant-abuse-controls", "usage-anomaly-detection"],
            answers.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("none", answers["usage-anomaly-detection"].GetProperty("choice").GetString());
        Assert.True(answers["region-gating"].GetProperty("notApplicable").GetBoolean());
        Assert.Equal("2026-06-30", answers["red-teaming"].GetProperty("evidence").GetProperty("date").GetString());
        Assert.Equal("independent-test", answers["red-teaming"].GetProperty("evidence").GetProperty("source").GetString());
        var first = answers["usage-anomaly-detection"];
        Assert.Equal(1, first.GetProperty("version").GetInt32());
        Assert.Equal($"Test {Roles.Assessor}", first.GetProperty("updatedBy").GetString());
        Assert.EndsWith("Z", first.GetProperty("updatedAt").GetString());
    }

    public static TheoryData<string, string> BadAnswers => new()
    {
        // a choice key not in the question
        { """{ "questionKey": "usage-anomaly-detection", "choice": "sometimes" }""", "answers[1].choice" },
        // a repeated key in choices
        { """{ "questionKey": "tenant-abuse-controls", "choices": ["org-quotas", "org-quotas"] }""", "answers[1].choices" },
        // a question key not in the set
        { """{ "questionKey": "no-such-question", "choice": "none" }""", "answers[1].questionKey" },
        // named twice in one request
        { """{ "questionKey": "budget-caps", "choice": "alerts-only" }""", "answers[1].questionKey" },
        // a value field of the wrong kind: JSON kind, and the question's kind
        { """{ "questionKey": "usage-anomaly-detection", "choice": 5 }""", "answers[1].choice" },
        { """{ "questionKey": "usage-anomaly-detection", "number": 5 }""", "answers[1].number" },
        // more than one value field
        { """{ "questionKey": "usage-anomaly-detection", "choice": "none", "text": "also" }""", "answers[1].text" },
        // a number whose magnitude exceeds 10^15, or negative on a cost-role question
        { """{ "questionKey": "price-input", "number": 1e16 }""", "answers[1].number" },
        { """{ "questionKey": "price-input", "number": -1 }""", "answers[1].number" },
        // N/A where not allowed, or without justification
        { """{ "questionKey": "usage-anomaly-detection", "notApplicable": true, "justification": "No." }""", "answers[1].notApplicable" },
        { """{ "questionKey": "region-gating", "notApplicable": true }""", "answers[1].justification" },
        // text or note over 10,000; justification or evidence description over 2,000
        { $$"""{ "questionKey": "pricing-notes", "text": "{{Long(10_001)}}" }""", "answers[1].text" },
        { $$"""{ "questionKey": "spend-anomaly-alerts", "choice": "none", "note": "{{Long(10_001)}}" }""", "answers[1].note" },
        { $$"""{ "questionKey": "region-gating", "notApplicable": true, "justification": "{{Long(2_001)}}" }""", "answers[1].justification" },
        { $$"""{ "questionKey": "red-teaming", "choice": "none", "evidence": { "description": "{{Long(2_001)}}" } }""", "answers[1].evidence.description" },
    };

    [Theory]
    [MemberData(nameof(BadAnswers))]
    public async Task A_bad_answer_is_400_with_its_path_and_the_whole_request_changes_nothing(string badAnswer, string path)
    {
        using var assessor = await app.ApiClientAsync(Roles.Assessor);
        var id = await app.CreateDraftAsync(assessor);

        var response = await assessor.PutAnswersJsonAsync(id,
            $$"""{ "answers": [ { "questionKey": "budget-caps", "choice": "org-hard-cap" }, {{badAnswer}} ] }""");

        await ApiScenario.ExpectAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(path, await response.ErrorPathsAsync());
        var get = await (await assessor.GetAsync($"/api/v1/assessments/{id}", Ct)).ReadJsonAsync();
        Assert.Empty(get.GetProperty("answers").EnumerateArray());
    }

    [Fact]
    public async Task A_stale_expected_version_is_409_with_the_current_answer_and_changes_nothing()
    {
        using var assessor = await app.ApiClientAsync(Roles.Assessor);
        var id = await app.CreateDraftAsync(assessor);
        await ApiScenario.ExpectAsync(await assessor.PutAnswersAsync(id, new object[] { new { questionKey = "budget-caps", choice = "alerts-only", expectedVersion = 0 } }), HttpStatusCode.OK);

        var response = await assessor.PutAnswersAsync(id, new object[]
        {
            new { questionKey = "spend-anomaly-alerts", choice = "threshold-alerts" },
            new { questionKey = "budget-caps", choice = "org-hard-cap", expectedVersion = 0 },
        });

        await ApiScenario.ExpectAsync(response, HttpStatusCode.Conflict);
        var current = (await response.ReadJsonAsync()).GetProperty("current");
        Assert.Equal("budget-caps", current.GetProperty("questionKey").GetString());
        Assert.Equal(1, current.GetProperty("version").GetInt32());
        Assert.Equal("alerts-only", current.GetProperty("choice").GetString());
        Assert.Equal($"Test {Roles.Assessor}", current.GetProperty("updatedBy").GetString());
        var get = await (await assessor.GetAsync($"/api/v1/assessments/{id}", Ct)).ReadJsonAsync();
        var only = Assert.Single(get.GetProperty("answers").EnumerateArray());
        Assert.Equal("alerts-only", only.GetProperty("choice").GetString());
    }

    [Fact]
    public async Task The_workflow_submits_with_confirmation_and_a_second_reviewer_approves_which_sets_the_vendor_rating()
    {
        using var assessor = await app.ApiClientAsync(Roles.Assessor);
        var id = await app.CreateDraftAsync(assessor);
        await ApiScenario.ExpectAsync(await assessor.PutAnswersAsync(id, new object[] { new { questionKey = "budget-caps", choice = "org-hard-cap" } }), HttpStatusCode.OK);

        var unconfirmed = await assessor.PostAsJsonAsync($"/api/v1/assessments/{id}/submit", new { confirmIncomplete = false }, Ct);
        await ApiScenario.ExpectAsync(unconfirmed, HttpStatusCode.BadRequest);
        Assert.Equal(["confirmIncomplete"], await unconfirmed.ErrorPathsAsync());
        await ApiScenario.ExpectAsync(await assessor.PostAsync($"/api/v1/assessments/{id}/submit", null, Ct), HttpStatusCode.BadRequest);

        var submitted = await assessor.PostAsJsonAsync($"/api/v1/assessments/{id}/submit", new { confirmIncomplete = true }, Ct);
        await ApiScenario.ExpectAsync(submitted, HttpStatusCode.OK);
        Assert.Equal("submitted", (await submitted.ReadJsonAsync()).GetProperty("status").GetString());

        using var reviewer = await app.ApiClientAsync(Roles.Reviewer);
        var noComment = await reviewer.PostAsJsonAsync($"/api/v1/assessments/{id}/review", new { decision = "approved-with-conditions" }, Ct);
        await ApiScenario.ExpectAsync(noComment, HttpStatusCode.BadRequest);
        Assert.Equal(["comment"], await noComment.ErrorPathsAsync());
        var badDecision = await reviewer.PostAsJsonAsync($"/api/v1/assessments/{id}/review", new { decision = "maybe" }, Ct);
        await ApiScenario.ExpectAsync(badDecision, HttpStatusCode.BadRequest);
        Assert.Equal(["decision"], await badDecision.ErrorPathsAsync());

        var reviewed = await reviewer.PostAsJsonAsync($"/api/v1/assessments/{id}/review", new { decision = "approved-with-conditions", comment = "Renew the SOC 2 report." }, Ct);
        await ApiScenario.ExpectAsync(reviewed, HttpStatusCode.OK);
        var body = await reviewed.ReadJsonAsync();
        Assert.Equal("approved-with-conditions", body.GetProperty("status").GetString());

        var vendorId = body.GetProperty("vendorId").GetInt32();
        var vendor = await (await assessor.GetAsync($"/api/v1/vendors/{vendorId}", Ct)).ReadJsonAsync();
        Assert.Equal(body.GetProperty("score").GetProperty("rating").GetString(), vendor.GetProperty("latestRating").GetString());
        Assert.Equal("approved-with-conditions", vendor.GetProperty("assessments")[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task Returned_goes_back_to_draft_with_a_comment()
    {
        using var assessor = await app.ApiClientAsync(Roles.Assessor);
        var id = await app.CreateDraftAsync(assessor);
        await ApiScenario.ExpectAsync(await assessor.PostAsJsonAsync($"/api/v1/assessments/{id}/submit", new { confirmIncomplete = true }, Ct), HttpStatusCode.OK);
        using var reviewer = await app.ApiClientAsync(Roles.Reviewer);

        var returned = await reviewer.PostAsJsonAsync($"/api/v1/assessments/{id}/review", new { decision = "returned", comment = "Answer the pricing section." }, Ct);

        await ApiScenario.ExpectAsync(returned, HttpStatusCode.OK);
        Assert.Equal("draft", (await returned.ReadJsonAsync()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_workflow_step_from_the_wrong_status_is_409_with_the_current_status()
    {
        using var assessor = await app.ApiClientAsync(Roles.Assessor);
        var id = await app.CreateDraftAsync(assessor);
        using var reviewer = await app.ApiClientAsync(Roles.Reviewer);

        var reviewDraft = await reviewer.PostAsJsonAsync($"/api/v1/assessments/{id}/review", new { decision = "approved" }, Ct);
        await ApiScenario.ExpectAsync(reviewDraft, HttpStatusCode.Conflict);
        Assert.Equal("draft", (await reviewDraft.ReadJsonAsync()).GetProperty("current").GetProperty("status").GetString());

        await ApiScenario.ExpectAsync(await assessor.PostAsJsonAsync($"/api/v1/assessments/{id}/submit", new { confirmIncomplete = true }, Ct), HttpStatusCode.OK);
        var submitAgain = await assessor.PostAsJsonAsync($"/api/v1/assessments/{id}/submit", new { confirmIncomplete = true }, Ct);
        await ApiScenario.ExpectAsync(submitAgain, HttpStatusCode.Conflict);
        Assert.Equal("submitted", (await submitAgain.ReadJsonAsync()).GetProperty("current").GetProperty("status").GetString());

        var edit = await assessor.PutAnswersAsync(id, new object[] { new { questionKey = "budget-caps", choice = "org-hard-cap" } });
        await ApiScenario.ExpectAsync(edit, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Nobody_reviews_an_assessment_of_which_they_are_the_assessor()
    {
        using var reviewer = await app.ApiClientAsync(Roles.Reviewer);
        var id = await app.CreateDraftAsync(reviewer);
        await ApiScenario.ExpectAsync(await reviewer.PostAsJsonAsync($"/api/v1/assessments/{id}/submit", new { confirmIncomplete = true }, Ct), HttpStatusCode.OK);

        var response = await reviewer.PostAsJsonAsync($"/api/v1/assessments/{id}/review", new { decision = "approved" }, Ct);

        await ApiScenario.ExpectAsync(response, HttpStatusCode.Forbidden);
        var get = await (await reviewer.GetAsync($"/api/v1/assessments/{id}", Ct)).ReadJsonAsync();
        Assert.Equal("submitted", get.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_viewer_may_not_create_edit_or_submit_and_only_reviewers_review()
    {
        using var assessor = await app.ApiClientAsync(Roles.Assessor);
        var id = await app.CreateDraftAsync(assessor);
        var vendorId = (await (await assessor.GetAsync($"/api/v1/assessments/{id}", Ct)).ReadJsonAsync()).GetProperty("vendorId").GetInt32();
        using var viewer = await app.ApiClientAsync(Roles.Viewer);

        await ApiScenario.ExpectAsync(await viewer.PostAsJsonAsync("/api/v1/assessments", new { vendorId, questionSetKey = TestData.Frontier }, Ct), HttpStatusCode.Forbidden);
        await ApiScenario.ExpectAsync(await viewer.PutAnswersAsync(id, new object[] { new { questionKey = "budget-caps", choice = "org-hard-cap" } }), HttpStatusCode.Forbidden);
        await ApiScenario.ExpectAsync(await viewer.PostAsJsonAsync($"/api/v1/assessments/{id}/submit", new { confirmIncomplete = true }, Ct), HttpStatusCode.Forbidden);

        await ApiScenario.ExpectAsync(await assessor.PostAsJsonAsync($"/api/v1/assessments/{id}/submit", new { confirmIncomplete = true }, Ct), HttpStatusCode.OK);
        foreach (var client in new[] { viewer, assessor })
        {
            await ApiScenario.ExpectAsync(await client.PostAsJsonAsync($"/api/v1/assessments/{id}/review", new { decision = "approved" }, Ct), HttpStatusCode.Forbidden);
        }
    }

    [Fact]
    public async Task Unknown_assessments_are_404_on_every_assessment_endpoint()
    {
        using var admin = await app.ApiClientAsync(Roles.Admin);
        const string Missing = "/api/v1/assessments/987654";
        await ApiScenario.ExpectAsync(await admin.GetAsync(Missing, Ct), HttpStatusCode.NotFound);
        await ApiScenario.ExpectAsync(await admin.PutAnswersAsync(987654, new object[] { new { questionKey = "budget-caps", choice = "org-hard-cap" } }), HttpStatusCode.NotFound);
        await ApiScenario.ExpectAsync(await admin.PostAsJsonAsync($"{Missing}/submit", new { confirmIncomplete = true }, Ct), HttpStatusCode.NotFound);
        await ApiScenario.ExpectAsync(await admin.PostAsJsonAsync($"{Missing}/review", new { decision = "approved" }, Ct), HttpStatusCode.NotFound);
        await ApiScenario.ExpectAsync(await admin.GetAsync($"{Missing}/report.pdf", Ct), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_viewer_downloads_the_assessment_report_as_a_pdf()
    {
        using var assessor = await app.ApiClientAsync(Roles.Assessor);
        var id = await app.CreateDraftAsync(assessor);
        using var viewer = await app.ApiClientAsync(Roles.Viewer);

        var response = await viewer.GetAsync($"/api/v1/assessments/{id}/report.pdf", Ct);

        await ApiScenario.ExpectAsync(response, HttpStatusCode.OK);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal("%PDF"u8.ToArray(), bytes[..4]);
    }
}
