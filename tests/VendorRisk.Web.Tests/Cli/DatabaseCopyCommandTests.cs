using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VendorRisk.Data;
using VendorRisk.Data.Copy;
using VendorRisk.Data.Entities;
using VendorRisk.Web.Features.Dashboard;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Cli;

/// <summary>The demo database on SQLite, whatever the suite runs on: the source of <c>database copy</c>.</summary>
public sealed class SqliteDemoFixture() : WebAppFixture(DatabaseProvider.Sqlite)
{
    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?> { ["VendorRisk:Demo"] = "true" };
}

/// <summary><c>database copy --to-postgres</c>: needs a PostgreSQL server (the suite's, see TestProvider).</summary>
public sealed class DatabaseCopyCommandTests(SqliteDemoFixture demo) : IClassFixture<SqliteDemoFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_demo_database_copies_with_the_same_counts_and_checksums_and_shows_the_same_dashboard()
    {
        TestProvider.SkipUnlessPostgres("database copy writes into a PostgreSQL database");
        var target = TestProvider.Current.CreatePostgresDatabase();
        try
        {
            // A signed-in session: the data-protection key that signs it travels with the copy.
            var cookies = new System.Net.CookieContainer();
            using var session = demo.CreateRawClient(cookies);
            Assert.Equal(System.Net.HttpStatusCode.Redirect, (await WebAppFixture.PostLoginAsync(session, WebAppFixture.EmailOf(Roles.Viewer), WebAppFixture.Password)).StatusCode);

            var result = await CliRunner.RunAsync(demo.Services, "database", "copy", "--to-postgres", target);

            Assert.True(result.ExitCode == 0, result.Error);
            Assert.Contains("row counts and checksums match", result.Out);
            var source = await SummariesAsync(demo.ConnectionString, DatabaseProvider.Sqlite);
            var copy = await SummariesAsync(target, DatabaseProvider.Postgres);
            Assert.Equal(source, copy);
            Assert.Contains(source, t => t.Table == "Answers" && t.Rows > 100);
            Assert.Contains(source, t => t.Table == "AuditEntries" && t.Rows > 0);
            Assert.Contains(source, t => t.Table == "DataProtectionKeys" && t.Rows > 0);
            foreach (var table in source)
                Assert.Contains($"{table.Table}\t{table.Rows} rows\tsha256 {table.Checksum}", result.Out);

            await using var copied = new CopiedApp(demo, target);
            await copied.InitializeAsync();
            Assert.Equal(await DashboardAsync(demo), await DashboardAsync(copied));
            using var sameSession = copied.CreateRawClient(cookies);
            Assert.Equal(System.Net.HttpStatusCode.OK, (await sameSession.GetAsync("/", Ct)).StatusCode);
        }
        finally
        {
            TestProvider.Current.DropPostgresDatabase(target);
        }
    }

    [Fact]
    public async Task A_target_that_is_not_empty_is_refused_and_left_as_it_was()
    {
        TestProvider.SkipUnlessPostgres("database copy writes into a PostgreSQL database");
        var target = TestProvider.Current.CreatePostgresDatabase();
        try
        {
            Assert.Equal(0, (await CliRunner.RunAsync(demo.Services, "database", "copy", "--to-postgres", target)).ExitCode);
            var before = await SummariesAsync(target, DatabaseProvider.Postgres);

            var again = await CliRunner.RunAsync(demo.Services, "database", "copy", "--to-postgres", target);

            Assert.Equal(1, again.ExitCode);
            Assert.Contains("not empty", again.Error);
            Assert.Equal(before, await SummariesAsync(target, DatabaseProvider.Postgres));
        }
        finally
        {
            TestProvider.Current.DropPostgresDatabase(target);
        }
    }

    [Theory]
    [InlineData("database")]
    [InlineData("database", "copy")]
    [InlineData("database", "copy", "--to-postgres")]
    [InlineData("database", "move", "--to-postgres", "Host=x")]
    public async Task Usage_errors_exit_2(params string[] args) =>
        Assert.Equal(2, (await CliRunner.RunAsync(demo.Services, args)).ExitCode);

    private static async Task<IReadOnlyList<TableSummary>> SummariesAsync(string connectionString, DatabaseProvider provider)
    {
        var options = new DbContextOptionsBuilder<VendorRiskDbContext>();
        DependencyInjection.Configure(options, new DatabaseLocation(connectionString, provider));
        await using var db = new VendorRiskDbContext(options.Options);
        return await DatabaseCopier.SummarizeAsync(db, Ct);
    }

    /// <summary>The dashboard's figures as JSON; times to the microsecond (PostgreSQL's precision).</summary>
    private static async Task<string> DashboardAsync(WebAppFixture app)
    {
        await using var scope = app.ScopeAs(Roles.Admin);
        var summary = await scope.ServiceProvider.GetRequiredService<DashboardService>().GetAsync(Ct);
        summary = summary with
        {
            MyDrafts = [.. summary.MyDrafts.Select(d => d with { CreatedAt = ToMicroseconds(d.CreatedAt) })],
            RecentChanges = [.. summary.RecentChanges.Select(c => c with { At = ToMicroseconds(c.At) })],
        };
        return JsonSerializer.Serialize(summary);
    }

    private static DateTime ToMicroseconds(DateTime time) => new(time.Ticks / 10 * 10, DateTimeKind.Utc);

    private sealed class CopiedApp(WebAppFixture source, string connectionString) : WebAppFixture(source, connectionString, DatabaseProvider.Postgres);
}
