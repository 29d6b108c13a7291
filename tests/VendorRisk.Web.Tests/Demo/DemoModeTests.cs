using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using VendorRisk.Data;
using VendorRisk.Data.Entities;
using VendorRisk.Web.Infrastructure;
using VendorRisk.Web.Tests.Compare;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Demo;

public sealed class DemoFixture : WebAppFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?> { ["VendorRisk:Demo"] = "true" };
}

/// <summary>Demo mode loaded on a day long after the demo files were written.</summary>
public sealed class LaterDemoFixture : WebAppFixture
{
    public static readonly DateOnly Today = new(2027, 6, 1);

    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?> { ["VendorRisk:Demo"] = "true" };

    protected override DateTimeOffset? FixedNow => new(Today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
}

public sealed class LaterDemoTests(LaterDemoFixture app) : IClassFixture<LaterDemoFixture>
{
    [Fact]
    public async Task Evidence_dates_move_with_today_so_evidence_ages_match_the_day_the_files_were_written()
    {
        const string demoFile = "northwind-cognition-atlas-3-2026";
        using var json = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(
            CompareTestData.SeedFile("demo", "assessments", demoFile + ".json"), TestContext.Current.CancellationToken));
        var root = json.RootElement;
        var writtenOn = DateOnly.Parse(root.GetProperty("evidenceDatesWrittenOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var written = CompareTestData.DemoAnswers(demoFile)
            .Where(a => a.Evidence?.Date is not null)
            .ToDictionary(a => a.QuestionKey, a => a.Evidence!.Date!.Value);
        Assert.NotEmpty(written);

        await using var db = await app.CreateDbContextAsync();
        var title = root.GetProperty("title").GetString();
        var stored = await db.Answers.Where(a => a.Assessment.Title == title && a.EvidenceDate != null)
            .ToDictionaryAsync(a => a.QuestionKey, a => a.EvidenceDate!.Value, TestContext.Current.CancellationToken);

        var shift = LaterDemoFixture.Today.DayNumber - writtenOn.DayNumber;
        Assert.True(shift > 100);
        Assert.Equal(written.Keys.Order(), stored.Keys.Order());
        Assert.All(written, w => Assert.Equal(w.Value.AddDays(shift), stored[w.Key]));
    }
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
