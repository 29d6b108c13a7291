using System.Net;
using VendorRisk.Data.Entities;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Api;

public sealed class QuestionSetsApiTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string SetJson(string key) => WorkedExample.QuestionSetJson.Replace("\"worked-example\"", $"\"{key}\"", StringComparison.Ordinal);

    [Fact]
    public async Task An_admin_imports_a_draft_publishes_it_and_everyone_can_read_it()
    {
        using var admin = await app.ApiClientAsync(Roles.Admin);
        var key = $"set-{Guid.NewGuid():n}"[..20];

        var imported = await admin.PostAsync("/api/v1/question-sets", ApiTestSupport.Json(SetJson(key)), Ct);
        await ApiScenario.ExpectAsync(imported, HttpStatusCode.Created);
        var created = await imported.ReadJsonAsync();
        Assert.Equal(key, created.GetProperty("key").GetString());
        Assert.Equal(1, created.GetProperty("version").GetInt32());
        Assert.Equal($"/api/v1/question-sets/{key}/versions/1", imported.Headers.Location?.OriginalString);

        var published = await admin.PostAsync($"/api/v1/question-sets/{key}/versions/1/publish", null, Ct);
        await ApiScenario.ExpectAsync(published, HttpStatusCode.OK);

        using var viewer = await app.ApiClientAsync(Roles.Viewer);
        var list = await (await viewer.GetAsync("/api/v1/question-sets", Ct)).ReadJsonAsync();
        var set = list.EnumerateArray().Single(s => s.GetProperty("key").GetString() == key);
        Assert.Equal("Worked example of scoring.md", set.GetProperty("title").GetString());
        var version = Assert.Single(set.GetProperty("versions").EnumerateArray());
        Assert.Equal(1, version.GetProperty("version").GetInt32());
        Assert.Equal("published", version.GetProperty("status").GetString());

        var file = await viewer.GetAsync($"/api/v1/question-sets/{key}/versions/1", Ct);
        await ApiScenario.ExpectAsync(file, HttpStatusCode.OK);
        Assert.Equal("application/json", file.Content.Headers.ContentType?.MediaType);
        var document = await file.ReadJsonAsync();
        Assert.Equal("vendorrisk.question-set/1", document.GetProperty("format").GetString());
        Assert.Equal(key, document.GetProperty("key").GetString());
        Assert.Equal(2, document.GetProperty("sections").GetArrayLength());
    }

    [Fact]
    public async Task An_invalid_file_is_400_keyed_by_the_json_paths_of_the_format_and_stores_nothing()
    {
        using var admin = await app.ApiClientAsync(Roles.Admin);
        var key = $"bad-{Guid.NewGuid():n}"[..20];
        var json = SetJson(key).Replace("\"weight\": 3", "\"weight\": -3", StringComparison.Ordinal);

        var response = await admin.PostAsync("/api/v1/question-sets", ApiTestSupport.Json(json), Ct);

        await ApiScenario.ExpectAsync(response, HttpStatusCode.BadRequest);
        var paths = await response.ErrorPathsAsync();
        Assert.NotEmpty(paths);
        Assert.All(paths, p => Assert.StartsWith("$", p));
        Assert.Contains("$.sections[0].weight", paths);
        var list = await (await admin.GetAsync("/api/v1/question-sets", Ct)).ReadJsonAsync();
        Assert.DoesNotContain(list.EnumerateArray(), s => s.GetProperty("key").GetString() == key);
    }

    [Fact]
    public async Task Publishing_a_version_that_is_already_published_is_409()
    {
        using var admin = await app.ApiClientAsync(Roles.Admin);
        var key = $"twice-{Guid.NewGuid():n}"[..20];
        await ApiScenario.ExpectAsync(await admin.PostAsync("/api/v1/question-sets", ApiTestSupport.Json(SetJson(key)), Ct), HttpStatusCode.Created);
        await ApiScenario.ExpectAsync(await admin.PostAsync($"/api/v1/question-sets/{key}/versions/1/publish", null, Ct), HttpStatusCode.OK);

        var again = await admin.PostAsync($"/api/v1/question-sets/{key}/versions/1/publish", null, Ct);

        await ApiScenario.ExpectAsync(again, HttpStatusCode.Conflict);
        var current = (await again.ReadJsonAsync()).GetProperty("current");
        Assert.Equal((key, 1, "published"), (current.GetProperty("key").GetString(), current.GetProperty("version").GetInt32(), current.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Importing_into_a_set_that_has_a_draft_is_409_naming_the_draft()
    {
        using var admin = await app.ApiClientAsync(Roles.Admin);
        var key = $"drafted-{Guid.NewGuid():n}"[..20];
        await ApiScenario.ExpectAsync(await admin.PostAsync("/api/v1/question-sets", ApiTestSupport.Json(SetJson(key)), Ct), HttpStatusCode.Created);

        var second = await admin.PostAsync("/api/v1/question-sets", ApiTestSupport.Json(SetJson(key)), Ct);

        await ApiScenario.ExpectAsync(second, HttpStatusCode.Conflict);
        var current = (await second.ReadJsonAsync()).GetProperty("current");
        Assert.Equal(key, current.GetProperty("key").GetString());
        Assert.Equal(1, current.GetProperty("draft").GetProperty("version").GetInt32());
        Assert.EndsWith("Z", current.GetProperty("draft").GetProperty("createdAt").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_set_or_version_is_404()
    {
        using var viewer = await app.ApiClientAsync(Roles.Viewer);
        await ApiScenario.ExpectAsync(await viewer.GetAsync("/api/v1/question-sets/no-such-set/versions/1", Ct), HttpStatusCode.NotFound);
        using var admin = await app.ApiClientAsync(Roles.Admin);
        await ApiScenario.ExpectAsync(await admin.PostAsync("/api/v1/question-sets/no-such-set/versions/3/publish", null, Ct), HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(Roles.Viewer)]
    [InlineData(Roles.Assessor)]
    [InlineData(Roles.Reviewer)]
    public async Task Only_an_admin_may_import_or_publish(string role)
    {
        using var admin = await app.ApiClientAsync(Roles.Admin);
        var key = $"deny-{Guid.NewGuid():n}"[..20];
        await ApiScenario.ExpectAsync(await admin.PostAsync("/api/v1/question-sets", ApiTestSupport.Json(SetJson(key)), Ct), HttpStatusCode.Created);
        using var client = await app.ApiClientAsync(role);

        await ApiScenario.ExpectAsync(await client.PostAsync("/api/v1/question-sets", ApiTestSupport.Json(SetJson(key + "x")), Ct), HttpStatusCode.Forbidden);
        await ApiScenario.ExpectAsync(await client.PostAsync($"/api/v1/question-sets/{key}/versions/1/publish", null, Ct), HttpStatusCode.Forbidden);
    }
}
