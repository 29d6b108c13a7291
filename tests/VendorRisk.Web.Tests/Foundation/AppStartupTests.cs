using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
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
    public void Open_tabs_wake_the_server_for_popover_clean_up_every_few_seconds_not_twice_a_second()
    {
        // Each circuit's popover service ticks at this period, idle or not (MudBlazor's default: half a second).
        var popovers = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<MudBlazor.PopoverOptions>>().Value;
        Assert.Equal(VendorRisk.Web.Infrastructure.DependencyInjection.PopoverDetachPeriod, popovers.QueueDelay);
        Assert.True(popovers.QueueDelay >= TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void The_settings_files_are_read_once_so_database_writes_under_the_content_root_wake_no_file_watcher()
    {
        var configuration = (Microsoft.Extensions.Configuration.IConfigurationRoot)app.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>();
        var settingsFiles = configuration.Providers.OfType<Microsoft.Extensions.Configuration.FileConfigurationProvider>().ToList();
        Assert.Contains(settingsFiles, p => p.Source.Path == "appsettings.json");
        Assert.All(settingsFiles, p => Assert.False(p.Source.ReloadOnChange, $"{p.Source.Path} reloads on change"));
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

/// <summary>Its own app: the test makes its database look one migration behind.</summary>
public sealed class HealthWithPendingMigrationFixture : WebAppFixture;

public sealed class HealthWithPendingMigrationTests(HealthWithPendingMigrationFixture app) : IClassFixture<HealthWithPendingMigrationFixture>
{
    [Fact]
    public async Task Health_answers_503_and_pending_when_the_database_lacks_a_migration_of_this_build()
    {
        await using (var db = await app.CreateDbContextAsync())
        {
            var last = (await db.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken)).Last();
            await db.Database.ExecuteSqlAsync($"""DELETE FROM "__EFMigrationsHistory" WHERE "MigrationId" = {last}""", TestContext.Current.CancellationToken);
        }

        using var client = app.CreateRawClient();
        var response = await client.GetAsync("/health", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("Unhealthy", body.RootElement.GetProperty("status").GetString());
        Assert.Equal("pending", body.RootElement.GetProperty("migrations").GetString());
    }
}

public sealed class DatabaseProviderSettingTests
{
    [Theory]
    [InlineData("mysql", null, "use 'sqlite' (the default) or 'postgres'")]
    [InlineData("postgres", null, "ConnectionStrings:VendorRisk is empty")]
    [InlineData("postgres", "Data Source=app.db", "is not a PostgreSQL connection string")]
    public void A_wrong_provider_setting_stops_start_up_with_a_message_naming_the_setting(string provider, string? connectionString, string expected)
    {
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder(new Microsoft.AspNetCore.Builder.WebApplicationOptions
        {
            EnvironmentName = "Testing",
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration[VendorRisk.Data.DependencyInjection.ProviderSetting] = provider;
        builder.Configuration["ConnectionStrings:VendorRisk"] = connectionString;

        var error = Assert.Throws<VendorRisk.Web.Infrastructure.StartupConfigurationException>(() => VendorRisk.Web.Infrastructure.DependencyInjection.AddVendorRisk(builder));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
