using System.Globalization;
using System.Net;
using VendorRisk.Data.Entities;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Api;

public sealed class WorkedExampleApiTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private const double Tolerance = 1e-9;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_worked_example_of_scoring_md_built_through_the_api_scores_as_documented()
    {
        using var admin = await app.ApiClientAsync(Roles.Admin);
        var imported = await admin.PostAsync("/api/v1/question-sets", ApiTestSupport.Json(WorkedExample.QuestionSetJson), Ct);
        await ApiScenario.ExpectAsync(imported, HttpStatusCode.Created);
        var version = (await imported.ReadJsonAsync()).GetProperty("version").GetInt32();
        await ApiScenario.ExpectAsync(await admin.PostAsync($"/api/v1/question-sets/worked-example/versions/{version}/publish", null, Ct), HttpStatusCode.OK);

        using var assessor = await app.ApiClientAsync(Roles.Assessor);
        var vendorId = await assessor.CreateVendorAsync("Worked Example Ltd");
        var id = (await assessor.CreateAssessmentAsync(vendorId, "worked-example")).GetProperty("id").GetInt32();
        var lastMonth = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await ApiScenario.ExpectAsync(await assessor.PutAnswersAsync(id, new object[]
        {
            new { questionKey = "q1", choice = "good", evidence = new { description = "Public docs", source = "public-documentation", date = lastMonth } },
            new { questionKey = "q2", choices = new[] { "a", "b" } },
            new { questionKey = "q4", number = 4 },
            new { questionKey = "q5", notApplicable = true, justification = "Not offered." },
        }), HttpStatusCode.OK);

        var response = await assessor.GetAsync($"/api/v1/assessments/{id}", Ct);

        await ApiScenario.ExpectAsync(response, HttpStatusCode.OK);
        var score = (await response.ReadJsonAsync()).GetProperty("score");
        Assert.Equal(59.375, score.GetProperty("overall").GetDouble(), Tolerance);
        Assert.Equal("High", score.GetProperty("rating").GetString());
        Assert.Equal("High", score.GetProperty("bandRating").GetString());
        Assert.Equal(["q3"], score.GetProperty("knockouts").EnumerateArray().Select(k => k.GetString()));
        Assert.Equal(80, score.GetProperty("completeness").GetDouble(), Tolerance);
        Assert.Equal(50.0 / 3, score.GetProperty("evidenceStrength").GetDouble(), Tolerance);
        var sections = score.GetProperty("sections").EnumerateArray().ToList();
        Assert.Equal(["a", "b"], sections.Select(s => s.GetProperty("key").GetString()));
        Assert.Equal(3, sections[0].GetProperty("weight").GetDouble());
        Assert.Equal(325.0 / 6, sections[0].GetProperty("score").GetDouble(), Tolerance);
        Assert.Equal(1, sections[1].GetProperty("weight").GetDouble());
        Assert.Equal(75, sections[1].GetProperty("score").GetDouble(), Tolerance);

        var questions = score.GetProperty("questions").EnumerateArray().ToDictionary(q => q.GetProperty("key").GetString()!);
        Assert.Equal("a", questions["q1"].GetProperty("sectionKey").GetString());
        Assert.Equal(2, questions["q1"].GetProperty("weight").GetDouble());
        Assert.Equal(0.75, questions["q1"].GetProperty("p").GetDouble(), Tolerance);
        Assert.True(questions["q1"].GetProperty("answered").GetBoolean());
        Assert.False(questions["q1"].GetProperty("notApplicable").GetBoolean());
        Assert.Equal(2.0 / 3, questions["q2"].GetProperty("p").GetDouble(), Tolerance);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, questions["q3"].GetProperty("p").ValueKind);
        Assert.False(questions["q3"].GetProperty("answered").GetBoolean());
        Assert.Equal(0.75, questions["q4"].GetProperty("p").GetDouble(), Tolerance);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, questions["q5"].GetProperty("p").ValueKind);
        Assert.True(questions["q5"].GetProperty("notApplicable").GetBoolean());
    }
}
