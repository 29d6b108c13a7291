using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using VendorRisk.Data;
using VendorRisk.Data.Entities;
using VendorRisk.Web.Infrastructure;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Demo;

public sealed class DemoFixture : WebAppFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?> { ["VendorRisk:Demo"] = "true" };
}

public sealed class DemoModeTests(DemoFixture app) : IClassFixture<DemoFixture>
{
    [Fact]
    public async Task Demo_mode_creates_one_user_per_role_and_the_fictional_vendors_and_says_so_in_the_app()
    {
        await using var db = await app.CreateDbContextAsync();
        var demoRoles = await db.Users.Where(u => u.Email!.EndsWith("@demo.vendorrisk")).Select(u => u.Role).ToListAsync(TestContext.Current.CancellationToken);

        Assert.Equal(Roles.All.Order(), demoRoles.Order());
        Assert.Equal(5, await db.Vendors.CountAsync(TestContext.Current.CancellationToken));
        Assert.True(await db.Assessments.CountAsync(TestContext.Current.CancellationToken) >= 5);

        using var client = await app.SignedInClientAsync(Roles.Viewer);
        var html = await client.GetStringAsync("/", TestContext.Current.CancellationToken);
        Assert.Contains("demo-banner", html);
    }

    [Fact]
    public async Task Demo_mode_refuses_to_start_in_production_and_creates_nothing()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var before = await CountUsersAsync();
        var tasks = new StartupTasks(
            scope.ServiceProvider.GetRequiredService<DatabaseInitializer>(),
            scope.ServiceProvider,
            new VendorRiskOptions { Demo = true },
            new HostingEnvironment { EnvironmentName = Environments.Production },
            NullLogger<StartupTasks>.Instance);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => tasks.RunAsync(TestContext.Current.CancellationToken));

        Assert.Contains("Production", error.Message);
        Assert.Equal(before, await CountUsersAsync());
    }

    private async Task<int> CountUsersAsync()
    {
        await using var db = await app.CreateDbContextAsync();
        return await db.Users.CountAsync(TestContext.Current.CancellationToken);
    }
}
