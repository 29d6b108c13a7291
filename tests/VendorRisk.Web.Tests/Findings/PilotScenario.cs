using System.Net;
using System.Net.Http.Json;
using VendorRisk.Web.Tests.Api;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Findings;

/// <summary>A pilot that scores 90 ("Low") but fails two critical controls, so its knockouts cap it at "High".</summary>
internal static class PilotScenario
{
    public const string Key = "pilot-knockouts";

    public const string QuestionSetJson = """
        {
          "format": "vendorrisk.question-set/1",
          "key": "pilot-knockouts",
          "title": "Pilot with two critical controls",
          "ratingBands": [
            { "label": "Low", "minScore": 80 }, { "label": "Moderate", "minScore": 60 },
            { "label": "High", "minScore": 40 }, { "label": "Critical", "minScore": 0 }
          ],
          "sections": [
            { "key": "s", "title": "Controls", "weight": 1, "questions": [
              { "key": "guard", "text": "Is there an output guard?", "type": "choice", "weight": 1, "critical": true, "options": [
                { "key": "no", "label": "No", "score": 0 }, { "key": "yes", "label": "Yes", "score": 1 } ] },
              { "key": "logs", "text": "Are prompts logged for audit?", "type": "choice", "weight": 1, "critical": true, "options": [
                { "key": "no", "label": "No", "score": 0 }, { "key": "yes", "label": "Yes", "score": 1 } ] },
              { "key": "other", "text": "Is there an SLA?", "type": "choice", "weight": 18, "options": [
                { "key": "no", "label": "No", "score": 0 }, { "key": "half", "label": "Partly", "score": 1 }, { "key": "yes", "label": "Yes", "score": 2 } ] }
            ] }
          ]
        }
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Creates the pilot through the API as the client's user; submitted unless <paramref name="submit"/> is false.</summary>
    public static async Task<int> CreateAsync(WebAppFixture app, HttpClient assessor, bool submit = true)
    {
        await EnsureSetAsync(app);
        var vendorId = await assessor.CreateVendorAsync();
        var id = (await assessor.CreateAssessmentAsync(vendorId, Key)).GetProperty("id").GetInt32();
        await ApiScenario.ExpectAsync(await assessor.PutAnswersAsync(id, new object[]
        {
            new { questionKey = "guard", choice = "no" },
            new { questionKey = "logs", choice = "no" },
            new { questionKey = "other", choice = "yes" },
        }), HttpStatusCode.OK);
        if (submit)
            await ApiScenario.ExpectAsync(await assessor.PostAsJsonAsync($"/api/v1/assessments/{id}/submit", new { confirmIncomplete = true }, Ct), HttpStatusCode.OK);
        return id;
    }

    private static readonly SemaphoreSlim Gate = new(1, 1);

    private static async Task EnsureSetAsync(WebAppFixture app)
    {
        await Gate.WaitAsync(Ct);
        try
        {
            await using var db = await app.CreateDbContextAsync();
            if (!db.QuestionSets.Any(s => s.Key == Key))
                await TestData.EnsurePublishedAsync(app, Key, QuestionSetJson);
        }
        finally
        {
            Gate.Release();
        }
    }
}
