using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VendorRisk.Data.Entities;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Api;

/// <summary>Vendors, question sets and assessments made through the API itself.</summary>
internal static class ApiScenario
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<int> CreateVendorAsync(this HttpClient assessor, string? name = null)
    {
        var response = await assessor.PostAsJsonAsync("/api/v1/vendors", new { name = name ?? $"Vendor {Guid.NewGuid():n}" }, Ct);
        await ExpectAsync(response, HttpStatusCode.Created);
        return (await response.ReadJsonAsync()).GetProperty("id").GetInt32();
    }

    public static async Task<JsonElement> CreateAssessmentAsync(this HttpClient assessor, int vendorId, string questionSetKey)
    {
        var response = await assessor.PostAsJsonAsync("/api/v1/assessments", new { vendorId, questionSetKey }, Ct);
        await ExpectAsync(response, HttpStatusCode.Created);
        return await response.ReadJsonAsync();
    }

    /// <summary>A new vendor with a draft on the frontier set, both made by the client's user.</summary>
    public static async Task<int> CreateDraftAsync(this WebAppFixture app, HttpClient assessor)
    {
        await TestData.EnsurePublishedAsync(app, TestData.Frontier);
        var vendorId = await assessor.CreateVendorAsync();
        return (await assessor.CreateAssessmentAsync(vendorId, TestData.Frontier)).GetProperty("id").GetInt32();
    }

    public static Task<HttpResponseMessage> PutAnswersAsync(this HttpClient client, int assessmentId, object answers) =>
        client.PutAsJsonAsync($"/api/v1/assessments/{assessmentId}/answers", new { answers }, Ct);

    public static Task<HttpResponseMessage> PutAnswersJsonAsync(this HttpClient client, int assessmentId, string body) =>
        client.PutAsync($"/api/v1/assessments/{assessmentId}/answers", ApiTestSupport.Json(body), Ct);

    public static async Task ExpectAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        if (response.StatusCode != status)
        {
            var body = await response.Content.ReadAsStringAsync(Ct);
            Assert.Fail($"Expected {(int)status} but got {(int)response.StatusCode}: {body}");
        }
    }

    public static IEnumerable<string> AllRolesBut(params string[] allowed) => Roles.All.Where(r => !allowed.Contains(r));
}
