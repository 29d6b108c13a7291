using System.Net;
using VendorRisk.Web.Tests.Api;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.QuestionSets;

public sealed class QuestionSetSchemaEndpointTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [Fact]
    public async Task The_schema_of_the_format_is_served_to_anyone_as_it_is_in_the_repository()
    {
        using var client = app.CreateRawClient();

        var response = await client.GetAsync("/schemas/vendorrisk.question-set-1.schema.json", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/schema+json", response.Content.Headers.ContentType?.MediaType);
        var repositoryCopy = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "schemas", "vendorrisk.question-set-1.schema.json"), TestContext.Current.CancellationToken);
        Assert.Equal(repositoryCopy, await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_file_carrying_schema_imports_through_the_api()
    {
        using var admin = await app.ApiClientAsync(Roles.Admin);
        var json = (await File.ReadAllTextAsync(TestData.SeedFile(TestData.QuickScreen), TestContext.Current.CancellationToken))
            .Replace("\"key\": \"vendor-quick-screen\"", "\"key\": \"schema-carrying-set\"", StringComparison.Ordinal);
        Assert.Contains("\"$schema\"", json, StringComparison.Ordinal);

        var response = await admin.PostAsync("/api/v1/question-sets", ApiTestSupport.Json(json), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
