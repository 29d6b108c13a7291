using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VendorRisk.Data.Entities;
using VendorRisk.Web.Tests.Api;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.ModelOfferings;

public sealed class ModelOfferingsApiTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> CreateModelAsync(HttpClient client, int vendorId, object body)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/vendors/{vendorId}/models", body, Ct);
        await ApiScenario.ExpectAsync(response, HttpStatusCode.Created);
        return await response.ReadJsonAsync();
    }

    [Fact]
    public async Task A_created_offerings_location_answers_with_it_and_only_under_its_own_vendor()
    {
        using var assessor = await app.ApiClientAsync(Roles.Assessor);
        using var viewer = await app.ApiClientAsync(Roles.Viewer);
        var vendorId = await assessor.CreateVendorAsync();
        var otherVendor = await assessor.CreateVendorAsync();
        var response = await assessor.PostAsJsonAsync($"/api/v1/vendors/{vendorId}/models", new { name = "Atlas Mini", channel = "azure" }, Ct);
        await ApiScenario.ExpectAsync(response, HttpStatusCode.Created);
        var id = (await response.ReadJsonAsync()).GetProperty("id").GetInt32();

        var fetched = await viewer.GetAsync(response.Headers.Location, Ct);

        await ApiScenario.ExpectAsync(fetched, HttpStatusCode.OK);
        var offering = await fetched.ReadJsonAsync();
        Assert.Equal((id, "Atlas Mini", "azure"), (offering.GetProperty("id").GetInt32(), offering.GetProperty("name").GetString(), offering.GetProperty("channel").GetString()));
        await ApiScenario.ExpectAsync(await viewer.GetAsync($"/api/v1/vendors/{otherVendor}/models/{id}", Ct), HttpStatusCode.NotFound);
        await ApiScenario.ExpectAsync(await viewer.GetAsync($"/api/v1/vendors/{vendorId}/models/999999", Ct), HttpStatusCode.NotFound);
    }

    private async Task<int> ApprovedAsync(HttpClient assessor, int vendorId, object[] answers, int? modelId = null)
    {
        var created = await assessor.PostAsJsonAsync("/api/v1/assessments", new { vendorId, questionSetKey = CostSets.Key, modelId }, Ct);
        await ApiScenario.ExpectAsync(created, HttpStatusCode.Created);
        var id = (await created.ReadJsonAsync()).GetProperty("id").GetInt32();
        await ApiScenario.ExpectAsync(await assessor.PutAnswersAsync(id, answers), HttpStatusCode.OK);
        await ApiScenario.ExpectAsync(await assessor.PostAsJsonAsync($"/api/v1/assessments/{id}/submit", new { confirmIncomplete = true }, Ct), HttpStatusCode.OK);
        using var reviewer = await app.ApiClientAsync(Roles.Reviewer);
        await ApiScenario.ExpectAsync(await reviewer.PostAsJsonAsync($"/api/v1/assessments/{id}/review", new { decision = "approved" }, Ct), HttpStatusCode.OK);
        return id;
    }

    [Fact]
    public async Task An_offering_is_created_with_defaults_and_listed_with_exactly_the_contract_fields()
    {
        using var assessor = await app.ApiClientAsync(Roles.Assessor);
        var vendorId = await assessor.CreateVendorAsync();

        var created = await CreateModelAsync(assessor, vendorId, new { name = "Atlas Large", channel = "aws-bedrock", providerModelId = "northwind.atlas-large-v2:0" });
        await CreateModelAsync(assessor, vendorId, new { name = "Atlas Mini", channel = "direct", status = "deprecated" });

        Assert.Equal("active", created.GetProperty("status").GetString());
        using var viewer = await app.ApiClientAsync(Roles.Viewer);
        var list = (await (await viewer.GetAsync($"/api/v1/vendors/{vendorId}/models", Ct)).ReadJsonAsync()).EnumerateArray().ToList();
        Assert.Equal(["Atlas Large", "Atlas Mini"], list.Select(m => m.GetProperty("name").GetString()));
        Assert.Equal(["channel", "id", "name", "providerModelId", "status"], list[0].EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("aws-bedrock", list[0].GetProperty("channel").GetString());
        Assert.Equal("northwind.atlas-large-v2:0", list[0].GetProperty("providerModelId").GetString());
        Assert.Equal(JsonValueKind.Null, list[1].GetProperty("providerModelId").ValueKind);
        Assert.Equal("deprecated", list[1].GetProperty("status").GetString());
    }

    [Fact]
    public async Task Bad_offerings_are_400_on_their_field_a_viewer_is_403_and_an_unknown_vendor_404()
    {
        using var assessor = await app.ApiClientAsync(Roles.Assessor);
        var vendorId = await assessor.CreateVendorAsync();
        await CreateModelAsync(assessor, vendorId, new { name = "Atlas", channel = "direct" });

        async Task RefusedAsync(object body, string path)
        {
            var response = await assessor.PostAsJsonAsync($"/api/v1/vendors/{vendorId}/models", body, Ct);
            await ApiScenario.ExpectAsync(response, HttpStatusCode.BadRequest);
            Assert.Contains(path, await response.ErrorPathsAsync());
        }

        await RefusedAsync(new { name = "ATLAS", channel = "azure" }, "name");
        await RefusedAsync(new { name = "", channel = "azure" }, "name");
        await RefusedAsync(new { name = new string('m', 201), channel = "azure" }, "name");
        await RefusedAsync(new { name = "Other", channel = "openai" }, "channel");
        await RefusedAsync(new { name = "Other" }, "channel");
        await RefusedAsync(new { name = "Other", channel = "azure", status = "gone" }, "status");
        await RefusedAsync(new { name = "Other", channel = "azure", providerModelId = new string('p', 201) }, "providerModelId");
        using var viewer = await app.ApiClientAsync(Roles.Viewer);
        await ApiScenario.ExpectAsync(await viewer.PostAsJsonAsync($"/api/v1/vendors/{vendorId}/models", new { name = "V", channel = "direct" }, Ct), HttpStatusCode.Forbidden);
        await ApiScenario.ExpectAsync(await viewer.GetAsync("/api/v1/vendors/987654/models", Ct), HttpStatusCode.NotFound);
        Assert.Single((await (await viewer.GetAsync($"/api/v1/vendors/{vendorId}/models", Ct)).ReadJsonAsync()).EnumerateArray());
    }

    [Fact]
    public async Task An_assessment_names_an_offering_of_its_vendor_only()
    {
        await TestData.EnsurePublishedAsync(app, CostSets.Key, CostSets.Json);
        using var assessor = await app.ApiClientAsync(Roles.Assessor);
        var vendorId = await assessor.CreateVendorAsync();
        var otherVendorId = await assessor.CreateVendorAsync();
        var model = (await CreateModelAsync(assessor, vendorId, new { name = "Atlas", channel = "direct" })).GetProperty("id").GetInt32();

        var created = await assessor.PostAsJsonAsync("/api/v1/assessments", new { vendorId, questionSetKey = CostSets.Key, modelId = model }, Ct);
        var wrongVendor = await assessor.PostAsJsonAsync("/api/v1/assessments", new { vendorId = otherVendorId, questionSetKey = CostSets.Key, modelId = model }, Ct);
        var without = await assessor.CreateAssessmentAsync(vendorId, CostSets.Key);

        await ApiScenario.ExpectAsync(created, HttpStatusCode.Created);
        var body = await created.ReadJsonAsync();
        Assert.Equal(model, body.GetProperty("modelId").GetInt32());
        Assert.Equal("Atlas", body.GetProperty("modelName").GetString());
        await ApiScenario.ExpectAsync(wrongVendor, HttpStatusCode.BadRequest);
        Assert.Equal(["modelId"], await wrongVendor.ErrorPathsAsync());
        Assert.Equal(JsonValueKind.Null, without.GetProperty("modelId").ValueKind);
        Assert.Equal(JsonValueKind.Null, without.GetProperty("modelName").ValueKind);
    }

    [Fact]
    public async Task A_new_assessment_of_an_offering_carries_only_the_vendor_level_answers_of_the_latest_approved_assessment()
    {
        await TestData.EnsurePublishedAsync(app, CostSets.Key, CostSets.Json);
        using var assessor = await app.ApiClientAsync(Roles.Assessor);
        var vendorId = await assessor.CreateVendorAsync();
        await ApprovedAsync(assessor, vendorId, [new { questionKey = "jurisdiction", choice = "unclear" }]);
        var latest = await ApprovedAsync(assessor, vendorId,
        [
            new { questionKey = "jurisdiction", choice = "clear" },
            new { questionKey = "contract-notes", text = "MSA signed 2026." },
            new { questionKey = "commit", number = 15 },
            new { questionKey = "red-teaming", choice = "yes" },
            new { questionKey = "price-in", number = 3 },
        ]);
        var model = (await CreateModelAsync(assessor, vendorId, new { name = "Atlas Mini", channel = "google-vertex" })).GetProperty("id").GetInt32();

        var response = await assessor.PostAsJsonAsync("/api/v1/assessments", new { vendorId, questionSetKey = CostSets.Key, modelId = model }, Ct);

        await ApiScenario.ExpectAsync(response, HttpStatusCode.Created);
        var answers = (await response.ReadJsonAsync()).GetProperty("answers").EnumerateArray()
            .ToDictionary(a => a.GetProperty("questionKey").GetString()!);
        Assert.Equal(["commit", "contract-notes", "jurisdiction"], answers.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("clear", answers["jurisdiction"].GetProperty("choice").GetString());
        Assert.Equal(15, answers["commit"].GetProperty("number").GetDouble());
        Assert.True(latest > 0);
    }

    [Fact]
    public async Task Two_offerings_of_one_vendor_compare_and_two_assessments_of_the_same_offering_are_refused()
    {
        await TestData.EnsurePublishedAsync(app, CostSets.Key, CostSets.Json);
        using var assessor = await app.ApiClientAsync(Roles.Assessor);
        var vendorId = await assessor.CreateVendorAsync("Northwind " + Guid.NewGuid().ToString("n")[..6]);
        var large = (await CreateModelAsync(assessor, vendorId, new { name = "Atlas Large", channel = "direct" })).GetProperty("id").GetInt32();
        var mini = (await CreateModelAsync(assessor, vendorId, new { name = "Atlas Mini", channel = "direct" })).GetProperty("id").GetInt32();
        async Task<int> DraftAsync(int modelId) =>
            (await (await assessor.PostAsJsonAsync("/api/v1/assessments", new { vendorId, questionSetKey = CostSets.Key, modelId }, Ct)).ReadJsonAsync()).GetProperty("id").GetInt32();
        var a = await DraftAsync(large);
        var b = await DraftAsync(mini);
        var again = await DraftAsync(large);
        using var viewer = await app.ApiClientAsync(Roles.Viewer);

        var compared = await viewer.GetAsync($"/api/v1/compare?ids={a},{b}", Ct);
        var refused = await viewer.GetAsync($"/api/v1/compare?ids={a},{again}", Ct);

        await ApiScenario.ExpectAsync(compared, HttpStatusCode.OK);
        var ranking = (await compared.ReadJsonAsync()).GetProperty("ranking").EnumerateArray().ToList();
        Assert.Equal(["Atlas Large", "Atlas Mini"], ranking.Select(r => r.GetProperty("modelName").GetString()));
        Assert.Equal([large, mini], ranking.Select(r => r.GetProperty("modelId").GetInt32()));
        Assert.All(ranking, r => Assert.Equal("draft", r.GetProperty("status").GetString()));
        await ApiScenario.ExpectAsync(refused, HttpStatusCode.BadRequest);
        var message = (await refused.ReadJsonAsync()).GetProperty("errors").GetProperty("ids")[0].GetString();
        Assert.Contains("Atlas Large", message);
        Assert.Contains("different model offerings", message);
    }

    [Fact]
    public async Task The_worked_example_of_section_8_comes_out_of_the_compare_api_with_an_inline_profile()
    {
        await TestData.EnsurePublishedAsync(app, CostSets.Key, CostSets.Json);
        using var assessor = await app.ApiClientAsync(Roles.Assessor);
        var example = (await assessor.CreateAssessmentAsync(await assessor.CreateVendorAsync(), CostSets.Key)).GetProperty("id").GetInt32();
        var other = (await assessor.CreateAssessmentAsync(await assessor.CreateVendorAsync(), CostSets.Key)).GetProperty("id").GetInt32();
        await ApiScenario.ExpectAsync(await assessor.PutAnswersAsync(example, CostSets.WorkedExampleAnswers), HttpStatusCode.OK);
        using var viewer = await app.ApiClientAsync(Roles.Viewer);

        var response = await viewer.GetAsync($"/api/v1/compare?ids={example},{other}&profile={CostSets.WorkedExampleProfile}", Ct);

        await ApiScenario.ExpectAsync(response, HttpStatusCode.OK);
        var cost = (await response.ReadJsonAsync()).GetProperty("cost").EnumerateArray().ToDictionary(c => c.GetProperty("assessmentId").GetInt32());
        var figures = cost[example];
        Assert.Equal(["assessmentId", "assumed", "costPerUnitUsd", "normalMonthUsd", "peakMonthUsd", "peakTokensPerMinute", "rateLimitHeadroom", "throttlingRisk", "twelveMonthUsd"],
            figures.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(677.25, figures.GetProperty("normalMonthUsd").GetDouble(), 1e-9);
        Assert.Equal(2_031.75, figures.GetProperty("peakMonthUsd").GetDouble(), 1e-9);
        Assert.Equal(9_481.5, figures.GetProperty("twelveMonthUsd").GetDouble(), 1e-9);
        Assert.Equal(0.067725, figures.GetProperty("costPerUnitUsd").GetDouble(), 1e-12);
        Assert.Equal(47_727.27, figures.GetProperty("peakTokensPerMinute").GetDouble(), 0.01);
        Assert.Equal(2.095, figures.GetProperty("rateLimitHeadroom").GetDouble(), 0.001);
        Assert.False(figures.GetProperty("throttlingRisk").GetBoolean());
        Assert.Equal(["residency-surcharge-percent", "monthly-minimum-usd"], figures.GetProperty("assumed").EnumerateArray().Select(a => a.GetString()));
        var unknown = cost[other];
        Assert.Equal(JsonValueKind.Null, unknown.GetProperty("twelveMonthUsd").ValueKind);
        Assert.Equal(JsonValueKind.Null, unknown.GetProperty("costPerUnitUsd").ValueKind);
        Assert.Equal(JsonValueKind.Null, unknown.GetProperty("rateLimitHeadroom").ValueKind);
        Assert.Equal(JsonValueKind.Null, unknown.GetProperty("throttlingRisk").ValueKind);
    }

    [Fact]
    public async Task The_worked_example_of_section_8_is_printed_in_the_comparison_pdf_with_its_assumptions()
    {
        await TestData.EnsurePublishedAsync(app, CostSets.Key, CostSets.Json);
        using var assessor = await app.ApiClientAsync(Roles.Assessor);
        var vendorId = await assessor.CreateVendorAsync("Worked Example " + Guid.NewGuid().ToString("n")[..6]);
        var large = (await CreateModelAsync(assessor, vendorId, new { name = "Atlas Large", channel = "direct" })).GetProperty("id").GetInt32();
        var mini = (await CreateModelAsync(assessor, vendorId, new { name = "Atlas Mini", channel = "direct" })).GetProperty("id").GetInt32();
        async Task<int> DraftAsync(int modelId) =>
            (await (await assessor.PostAsJsonAsync("/api/v1/assessments", new { vendorId, questionSetKey = CostSets.Key, modelId }, Ct)).ReadJsonAsync()).GetProperty("id").GetInt32();
        var example = await DraftAsync(large);
        var other = await DraftAsync(mini);
        await ApiScenario.ExpectAsync(await assessor.PutAnswersAsync(example, CostSets.WorkedExampleAnswers), HttpStatusCode.OK);
        using var viewer = await app.ApiClientAsync(Roles.Viewer);

        var response = await viewer.GetAsync($"/api/v1/compare/report.pdf?ids={example},{other}&profile={CostSets.WorkedExampleProfile}", Ct);

        await ApiScenario.ExpectAsync(response, HttpStatusCode.OK);
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(await response.Content.ReadAsByteArrayAsync(Ct));
        var text = string.Join("\n", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
        Assert.Contains("Atlas Large", text);
        foreach (var figure in new[] { "$677", "$2,032", "$9,482", "$0.0677" })
            Assert.Contains(figure, text);
        // One sentence each: the peak, every assumption, the sensitivity.
        Assert.Contains("Peak 47,727 tokens a minute, uses 2.1× less than the limit at peak.", text);
        Assert.Contains("No residency surcharge given: in-region processing costs nothing extra.", text);
        Assert.Contains("No monthly minimum given: none applied.", text);
        Assert.Contains("Most sensitive to the agentic multiplier", text);
        Assert.Contains("Twelve months", text);
    }

    [Theory]
    [InlineData("inputTokens:1,outputTokens:1,monthlyGrowth:1.5", "profile.monthlyGrowth")]
    [InlineData("inputTokens:1,outputTokens:1,cachedInputShare:-0.1", "profile.cachedInputShare")]
    [InlineData("inputTokens:1,outputTokens:1,batchShare:2", "profile.batchShare")]
    [InlineData("inputTokens:1,outputTokens:1,reasoningRatio:101", "profile.reasoningRatio")]
    [InlineData("inputTokens:1,outputTokens:1,activeHours:0", "profile.activeHours")]
    [InlineData("inputTokens:1,outputTokens:1,units:0", "profile.units")]
    [InlineData("inputTokens:1,outputTokens:1,residency:maybe", "profile.residency")]
    [InlineData("inputTokens:1,outputTokens:1,agentic:0", "profile.agentic")]
    [InlineData("inputTokens:1,outputTokens:1,peak:2,peak:3", "profile.peak")]
    [InlineData("inputTokens:1,outputTokens:1,surge:2", "profile.surge")]
    [InlineData("inputTokens:-1,outputTokens:1", "profile.inputTokens")]
    [InlineData("inputTokens:1", "profile.outputTokens")]
    public async Task An_inline_profile_field_out_of_range_unknown_or_repeated_is_400_keyed_by_the_field(string profile, string path)
    {
        using var assessor = await app.ApiClientAsync(Roles.Assessor);
        var a = await app.CreateDraftAsync(assessor);
        var b = await app.CreateDraftAsync(assessor);
        using var viewer = await app.ApiClientAsync(Roles.Viewer);

        var response = await viewer.GetAsync($"/api/v1/compare?ids={a},{b}&profile={profile}", Ct);

        await ApiScenario.ExpectAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal([path], await response.ErrorPathsAsync());
    }
}
