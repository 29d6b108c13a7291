using System.Net;
using System.Net.Http.Json;
using VendorRisk.Data.Entities;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Api;

public sealed class VendorsApiTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_assessor_creates_a_vendor_and_gets_201_with_its_location_and_body()
    {
        using var client = await app.ApiClientAsync(Roles.Assessor);
        var name = $"Acme {Guid.NewGuid():n}";
        var response = await client.PostAsJsonAsync("/api/v1/vendors",
            new { name, website = "https://acme.example", headquartersCountry = "DE", tier = 2, tags = new[] { "llm" } }, Ct);

        await ApiScenario.ExpectAsync(response, HttpStatusCode.Created);
        var body = await response.ReadJsonAsync();
        var id = body.GetProperty("id").GetInt32();
        Assert.Equal($"/api/v1/vendors/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal(name, body.GetProperty("name").GetString());
        Assert.Equal("DE", body.GetProperty("headquartersCountry").GetString());
        Assert.Equal(2, body.GetProperty("tier").GetInt32());
        Assert.Empty(body.GetProperty("assessments").EnumerateArray());
    }

    [Fact]
    public async Task The_list_carries_the_fields_of_the_contract_with_a_null_latest_rating_before_any_review()
    {
        using var assessor = await app.ApiClientAsync(Roles.Assessor);
        var id = await assessor.CreateVendorAsync();
        using var viewer = await app.ApiClientAsync(Roles.Viewer);

        var response = await viewer.GetAsync("/api/v1/vendors", Ct);

        await ApiScenario.ExpectAsync(response, HttpStatusCode.OK);
        var row = (await response.ReadJsonAsync()).EnumerateArray().Single(v => v.GetProperty("id").GetInt32() == id);
        foreach (var field in new[] { "name", "website", "headquartersCountry", "tier", "latestRating" })
            Assert.True(row.TryGetProperty(field, out _), $"{field} is missing");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, row.GetProperty("latestRating").ValueKind);
    }

    [Fact]
    public async Task One_vendor_lists_its_assessments_with_id_status_overall_and_rating()
    {
        using var assessor = await app.ApiClientAsync(Roles.Assessor);
        await TestData.EnsurePublishedAsync(app, TestData.Frontier);
        var vendorId = await assessor.CreateVendorAsync();
        var assessmentId = (await assessor.CreateAssessmentAsync(vendorId, TestData.Frontier)).GetProperty("id").GetInt32();
        using var viewer = await app.ApiClientAsync(Roles.Viewer);

        var body = await (await viewer.GetAsync($"/api/v1/vendors/{vendorId}", Ct)).ReadJsonAsync();

        var assessment = Assert.Single(body.GetProperty("assessments").EnumerateArray());
        Assert.Equal(assessmentId, assessment.GetProperty("id").GetInt32());
        Assert.Equal("draft", assessment.GetProperty("status").GetString());
        Assert.True(assessment.TryGetProperty("overall", out _));
        Assert.True(assessment.TryGetProperty("rating", out _));
    }

    [Fact]
    public async Task A_duplicate_name_ignoring_case_is_400_on_name_and_creates_nothing()
    {
        using var client = await app.ApiClientAsync(Roles.Assessor);
        var name = $"Dup {Guid.NewGuid():n}";
        await client.CreateVendorAsync(name);

        var response = await client.PostAsJsonAsync("/api/v1/vendors", new { name = name.ToUpperInvariant() }, Ct);

        await ApiScenario.ExpectAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["name"], await response.ErrorPathsAsync());
        var list = await (await client.GetAsync("/api/v1/vendors", Ct)).ReadJsonAsync();
        Assert.Single(list.EnumerateArray(), v => string.Equals(v.GetProperty("name").GetString(), name, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("""{ "name": "" }""", "name")]
    [InlineData("""{ "name": "Tiered", "tier": 5 }""", "tier")]
    [InlineData("""{ "name": "Tiered", "tier": "two" }""", "tier")]
    [InlineData("""{ "name": "Somewhere", "headquartersCountry": "XX" }""", "headquartersCountry")]
    public async Task An_invalid_vendor_is_400_with_the_path_of_the_field(string body, string path)
    {
        using var client = await app.ApiClientAsync(Roles.Assessor);
        var response = await client.PostAsync("/api/v1/vendors", ApiTestSupport.Json(body), Ct);
        await ApiScenario.ExpectAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(path, await response.ErrorPathsAsync());
    }

    [Fact]
    public async Task A_viewer_may_not_create_a_vendor()
    {
        using var client = await app.ApiClientAsync(Roles.Viewer);
        var response = await client.PostAsJsonAsync("/api/v1/vendors", new { name = $"Nope {Guid.NewGuid():n}" }, Ct);
        await ApiScenario.ExpectAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_unknown_vendor_is_404()
    {
        using var client = await app.ApiClientAsync(Roles.Viewer);
        await ApiScenario.ExpectAsync(await client.GetAsync("/api/v1/vendors/987654", Ct), HttpStatusCode.NotFound);
    }
}
