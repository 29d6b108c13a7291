using System.Net;
using VendorRisk.Data.Entities;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Foundation;

public sealed class AppStartupTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [Fact]
    public async Task Health_answers_200_when_the_database_is_reachable()
    {
        using var client = app.CreateRawClient();
        var response = await client.GetAsync("/health", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        Assert.Equal(TestProvider.Current.Name, body.RootElement.GetProperty("provider").GetString());
        Assert.Equal("current", body.RootElement.GetProperty("migrations").GetString());
    }

    [Fact]
    public async Task Root_redirects_an_anonymous_visitor_to_sign_in()
    {
        using var client = app.CreateRawClient();
        var response = await client.GetAsync("/", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Root_answers_200_for_a_signed_in_viewer()
    {
        using var client = await app.SignedInClientAsync(Roles.Viewer);
        var response = await client.GetAsync("/", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_route_renders_the_not_found_page_with_404()
    {
        using var client = await app.SignedInClientAsync(Roles.Viewer);
        var response = await client.GetAsync("/no-such-page", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public void The_database_file_is_created_where_the_connection_string_says()
    {
        TestProvider.SkipOnPostgres("a PostgreSQL database is no file.");
        Assert.True(File.Exists(app.DatabasePath));
    }
}

/// <summary>Its own app: the test takes the database away.</summary>
public sealed class HealthWithoutDatabaseFixture : WebAppFixture;

public sealed class HealthWithoutDatabaseTests(HealthWithoutDatabaseFixture app) : IClassFixture<HealthWithoutDatabaseFixture>
{
    [Fact]
    public async Task Health_answers_503_when_the_database_is_gone()
    {
        using var client = app.CreateRawClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health", TestContext.Current.CancellationToken)).StatusCode);

        if (TestProvider.Current.IsPostgres)
        {
            TestProvider.Current.DropPostgresDatabase(app.ConnectionString);
        }
        else
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in Directory.GetFiles(Path.GetDirectoryName(app.DatabasePath)!))
                File.Delete(file);
            Directory.Delete(Path.GetDirectoryName(app.DatabasePath)!);
        }

        var response = await client.GetAsync("/health", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }
}
