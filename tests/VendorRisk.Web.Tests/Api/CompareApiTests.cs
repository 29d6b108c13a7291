using System.Net;
using System.Text.Json;
using VendorRisk.Data.Entities;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Api;

public sealed class CompareApiTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Two vendors' drafts on the frontier set: the first clearly ahead on usage-and-cost.</summary>
    private async Task<(int Leader, int Other)> TwoAssessmentsAsync(HttpClient assessor)
    {
        var leader = await app.CreateDraftAsync(assessor);
        var other = await app.CreateDraftAsync(assessor);
        await ApiScenario.ExpectAsync(await assessor.PutAnswersAsync(leader, new object[]
        {
            new { questionKey = "budget-caps", choice = "org-hard-cap" },
            new { questionKey = "usage-anomaly-detection", choice = "none" },
            new { questionKey = "price-input", number = 2.5 },
            new { questionKey = "price-output", number = 10 },
        }), HttpStatusCode.OK);
        await ApiScenario.ExpectAsync(await assessor.PutAnswersAsync(other, new object[]
        {
            new { questionKey = "budget-caps", choice = "none" },
        }), HttpStatusCode.OK);
        return (leader, other);
    }

    [Fact]
    public async Task A_comparison_has_exactly_the_fields_of_the_contract()
    {
        using var assessor = await app.ApiClientAsync(Roles.Assessor);
        var (leader, other) = await TwoAssessmentsAsync(assessor);
        using var viewer = await app.ApiClientAsync(Roles.Viewer);

        var response = await viewer.GetAsync($"/api/v1/compare?ids={other},{leader}&multipliers=usage-and-cost:2.5", Ct);

        await ApiScenario.ExpectAsync(response, HttpStatusCode.OK);
        var body = await response.ReadJsonAsync();
        Assert.Equal(["multipliers", "onlyIn", "questionSetKey", "rankStability", "ranking", "weights"],
            body.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(TestData.Frontier, body.GetProperty("questionSetKey").GetString());
        Assert.Equal(2.5, body.GetProperty("multipliers").GetProperty("usage-and-cost").GetDouble());
        Assert.Equal(1, body.GetProperty("multipliers").GetProperty("safety-posture").GetDouble());
        Assert.True(body.GetProperty("weights").GetProperty("usage-and-cost").GetDouble() > 0);
        var ranking = body.GetProperty("ranking").EnumerateArray().ToList();
        Assert.Equal(2, ranking.Count);
        Assert.Equal(leader, ranking[0].GetProperty("assessmentId").GetInt32());
        Assert.Equal(["assessmentId", "knockouts", "modelId", "modelName", "overall", "rating", "status", "vendorId", "vendorName"],
            ranking[0].EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(JsonValueKind.Array, ranking[0].GetProperty("knockouts").ValueKind);
        Assert.Equal(JsonValueKind.Object, body.GetProperty("onlyIn").ValueKind);
        var stability = body.GetProperty("rankStability");
        if (stability.GetProperty("stable").GetBoolean())
            Assert.Single(stability.EnumerateObject());
        else
            Assert.Equal(["multiplier", "newLeaderAssessmentId", "sectionKey", "stable"], stability.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_profile_adds_cost_with_null_for_unknown_prices()
    {
        using var assessor = await app.ApiClientAsync(Roles.Assessor);
        var (leader, other) = await TwoAssessmentsAsync(assessor);
        using var viewer = await app.ApiClientAsync(Roles.Viewer);

        var body = await (await viewer.GetAsync($"/api/v1/compare?ids={leader},{other}&profile=inputTokens:1000000,outputTokens:500000", Ct)).ReadJsonAsync();

        var cost = body.GetProperty("cost").EnumerateArray().ToDictionary(c => c.GetProperty("assessmentId").GetInt32());
        Assert.Equal(7.5, cost[leader].GetProperty("normalMonthUsd").GetDouble(), 1e-9);
        Assert.Equal(JsonValueKind.Null, cost[other].GetProperty("normalMonthUsd").ValueKind);
        Assert.Equal(JsonValueKind.Null, cost[other].GetProperty("twelveMonthUsd").ValueKind);
        Assert.True(cost[other].TryGetProperty("throttlingRisk", out _));
    }

    [Fact]
    public async Task Refused_comparisons_are_400_on_the_parameter_and_unknown_ids_404()
    {
        using var assessor = await app.ApiClientAsync(Roles.Assessor);
        var (leader, other) = await TwoAssessmentsAsync(assessor);
        var vendorId = (await (await assessor.GetAsync($"/api/v1/assessments/{leader}", Ct)).ReadJsonAsync()).GetProperty("vendorId").GetInt32();
        var sameVendor = (await assessor.CreateAssessmentAsync(vendorId, TestData.Frontier)).GetProperty("id").GetInt32();
        using var viewer = await app.ApiClientAsync(Roles.Viewer);

        async Task RefusedAsync(string query, string path)
        {
            var response = await viewer.GetAsync($"/api/v1/compare?{query}", Ct);
            await ApiScenario.ExpectAsync(response, HttpStatusCode.BadRequest);
            Assert.Contains(path, await response.ErrorPathsAsync());
        }

        await RefusedAsync($"ids={leader}", "ids");
        await RefusedAsync($"ids={leader},{sameVendor}", "ids");
        await RefusedAsync($"ids={leader},{other}&multipliers=usage-and-cost:5.5", "multipliers");
        await RefusedAsync($"ids={leader},{other}&multipliers=usage-and-cost:-1", "multipliers");
        await RefusedAsync($"ids={leader},{other}&multipliers=no-such-section:2", "multipliers");
        await RefusedAsync($"ids={leader},{other}&profile=no-such-profile", "profile");
        await RefusedAsync($"ids={leader},{other}&profile=outputTokens:5", "profile.inputTokens");
        await ApiScenario.ExpectAsync(await viewer.GetAsync($"/api/v1/compare?ids={leader},987654", Ct), HttpStatusCode.NotFound);
        await ApiScenario.ExpectAsync(await viewer.GetAsync($"/api/v1/compare/report.pdf?ids={leader},{sameVendor}", Ct), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_viewer_downloads_the_comparison_report_as_a_pdf()
    {
        using var assessor = await app.ApiClientAsync(Roles.Assessor);
        var (leader, other) = await TwoAssessmentsAsync(assessor);
        using var viewer = await app.ApiClientAsync(Roles.Viewer);

        var response = await viewer.GetAsync($"/api/v1/compare/report.pdf?ids={leader},{other}&multipliers=usage-and-cost:2&profile=inputTokens:1000000,outputTokens:500000", Ct);

        await ApiScenario.ExpectAsync(response, HttpStatusCode.OK);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("%PDF"u8.ToArray(), (await response.Content.ReadAsByteArrayAsync(Ct))[..4]);
    }
}
