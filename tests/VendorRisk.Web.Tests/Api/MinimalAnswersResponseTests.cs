using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using VendorRisk.Web.Features.Api;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Api;

/// <summary>
/// <c>PUT /api/v1/assessments/{id}/answers</c> with <c>Prefer: return=minimal</c> (RFC 7240). Every response here also
/// passes <see cref="OpenApiResponseValidator"/>: the minimal body is valid against docs/openapi.json, and the default one
/// still is the whole assessment.
/// </summary>
public sealed class MinimalAnswersResponseTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<HttpResponseMessage> PutAsync(HttpClient client, int id, object answers, string? prefer)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/assessments/{id}/answers") { Content = JsonContent.Create(new { answers }) };
        if (prefer is not null)
            request.Headers.TryAddWithoutValidation(ReturnPreference.RequestHeader, prefer);
        return client.SendAsync(request, Ct);
    }

    [Fact]
    public async Task A_minimal_save_returns_only_the_saved_versions_and_the_score_that_get_then_shows()
    {
        using var assessor = await app.ApiClientAsync(Roles.Assessor);
        var id = await app.CreateDraftAsync(assessor);

        var response = await PutAsync(assessor, id, new object[]
        {
            new { questionKey = "usage-anomaly-detection", choice = "none" },
            new { questionKey = "region-gating", notApplicable = true, justification = "Single region." },
        }, "return=minimal");

        await ApiScenario.ExpectAsync(response, HttpStatusCode.OK);
        Assert.Equal("return=minimal", Assert.Single(response.Headers.GetValues(ReturnPreference.AppliedHeader)));
        var body = await response.ReadJsonAsync();
        Assert.Equal(["answers", "score"], body.EnumerateObject().Select(p => p.Name));
        var answers = body.GetProperty("answers").EnumerateArray().ToList();
        Assert.Equal(["usage-anomaly-detection", "region-gating"], answers.Select(a => a.GetProperty("questionKey").GetString()));
        Assert.All(answers, a => Assert.Equal(1, a.GetProperty("version").GetInt32()));
        Assert.All(answers, a => Assert.False(a.GetProperty("cleared").GetBoolean()));
        Assert.Equal($"Test {Roles.Assessor}", answers[0].GetProperty("updatedBy").GetString());
        Assert.EndsWith("Z", answers[0].GetProperty("updatedAt").GetString());
        Assert.False(body.GetProperty("score").TryGetProperty("questions", out _));

        var get = await (await assessor.GetAsync($"/api/v1/assessments/{id}", Ct)).ReadJsonAsync();
        var full = get.GetProperty("score");
        foreach (var property in body.GetProperty("score").EnumerateObject())
            Assert.Equal(full.GetProperty(property.Name).GetRawText(), property.Value.GetRawText());
        var stored = get.GetProperty("answers").EnumerateArray().Single(a => a.GetProperty("questionKey").GetString() == "usage-anomaly-detection");
        Assert.Equal(answers[0].GetProperty("updatedAt").GetString(), stored.GetProperty("updatedAt").GetString());
    }

    [Fact]
    public async Task A_minimal_save_moves_versions_on_clears_to_version_0_and_still_refuses_a_stale_version_with_409()
    {
        using var assessor = await app.ApiClientAsync(Roles.Assessor);
        var id = await app.CreateDraftAsync(assessor);
        await ApiScenario.ExpectAsync(await PutAsync(assessor, id, new object[] { new { questionKey = "budget-caps", choice = "alerts-only" } }, "return=minimal"), HttpStatusCode.OK);

        var changed = await (await PutAsync(assessor, id, new object[] { new { questionKey = "budget-caps", choice = "org-hard-cap", expectedVersion = 1 } }, "return=minimal")).ReadJsonAsync();
        Assert.Equal(2, changed.GetProperty("answers")[0].GetProperty("version").GetInt32());

        var stale = await PutAsync(assessor, id, new object[] { new { questionKey = "budget-caps", choice = "alerts-only", expectedVersion = 1 } }, "return=minimal");
        await ApiScenario.ExpectAsync(stale, HttpStatusCode.Conflict);
        Assert.False(stale.Headers.Contains(ReturnPreference.AppliedHeader));
        Assert.Equal(2, (await stale.ReadJsonAsync()).GetProperty("current").GetProperty("version").GetInt32());

        var cleared = await (await PutAsync(assessor, id, new object[] { new { questionKey = "budget-caps", clear = true, expectedVersion = 2 } }, "return=minimal")).ReadJsonAsync();
        var answer = cleared.GetProperty("answers")[0];
        Assert.True(answer.GetProperty("cleared").GetBoolean());
        Assert.Equal(0, answer.GetProperty("version").GetInt32());
        var get = await (await assessor.GetAsync($"/api/v1/assessments/{id}", Ct)).ReadJsonAsync();
        Assert.Empty(get.GetProperty("answers").EnumerateArray());
        Assert.Equal(get.GetProperty("score").GetProperty("overall").GetRawText(), cleared.GetProperty("score").GetProperty("overall").GetRawText());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("return=representation")]
    [InlineData("respond-async, wait=5")]
    public async Task Without_the_minimal_preference_the_save_returns_the_whole_assessment_as_get_does(string? prefer)
    {
        using var assessor = await app.ApiClientAsync(Roles.Assessor);
        var id = await app.CreateDraftAsync(assessor);

        var response = await PutAsync(assessor, id, new object[] { new { questionKey = "usage-anomaly-detection", choice = "none" } }, prefer);

        await ApiScenario.ExpectAsync(response, HttpStatusCode.OK);
        Assert.False(response.Headers.Contains(ReturnPreference.AppliedHeader));
        var put = await response.ReadJsonAsync();
        var get = await (await assessor.GetAsync($"/api/v1/assessments/{id}", Ct)).ReadJsonAsync();
        Assert.Equal(get.GetRawText(), put.GetRawText());
    }

    [Fact]
    public async Task The_document_describes_the_preference_and_both_response_shapes()
    {
        using var anonymous = new HttpClient { BaseAddress = app.BaseAddress };
        using var document = JsonDocument.Parse(await anonymous.GetStringAsync("/openapi/v1.json", Ct));
        var put = document.RootElement.GetProperty("paths").GetProperty("/api/v1/assessments/{id}/answers").GetProperty("put");
        Assert.Contains(put.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "Prefer" && p.GetProperty("in").GetString() == "header");
        var ok = put.GetProperty("responses").GetProperty("200");
        Assert.True(ok.GetProperty("headers").TryGetProperty("Preference-Applied", out _));
        Assert.Equal(["#/components/schemas/AssessmentDto", "#/components/schemas/AnswersSavedDto"],
            ok.GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("oneOf").EnumerateArray().Select(s => s.GetProperty("$ref").GetString()));
        Assert.False(document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty("AnswersSavedDto").GetProperty("additionalProperties").GetBoolean());
    }

    [Theory]
    [InlineData("return=minimal", true)]
    [InlineData("RETURN=\"minimal\"", true)]
    [InlineData("respond-async, return=minimal; foo=bar", true)]
    [InlineData("return=representation, return=minimal", false)]
    [InlineData("return=representation", false)]
    [InlineData("handling=lenient", false)]
    [InlineData("returnx=minimal", false)]
    [InlineData("", false)]
    public void The_return_preference_is_read_as_rfc_7240_writes_it(string header, bool minimal)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers[ReturnPreference.RequestHeader] = header;
        Assert.Equal(minimal, ReturnPreference.WantsMinimal(context.Request));
    }
}
