using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VendorRisk.Data;
using VendorRisk.Data.Entities;
using VendorRisk.Testing;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Cli;

/// <summary>
/// Issue 21 item 13: a backup is only a backup if it restores. Write while backing up, stop the app,
/// restore, start the app on the result (and on the backup file as it is), read every row back, integrity_check.
/// </summary>
public sealed class BackupRoundTripTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("vendorrisk-roundtrip-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public async Task Item13_a_backup_taken_while_writing_restores_into_a_stopped_app_that_then_starts_and_reads_every_row()
    {
        TestProvider.SkipOnPostgres("backup and restore copy the SQLite file; on PostgreSQL they refuse and point to the server's backups.");
        var backup = Path.Combine(_folder, "backup.db");
        string? liveDatabase;
        await using (var live = new WebAppFixture())
        {
            await live.InitializeAsync();
            liveDatabase = live.DatabasePath;
            using var stop = new CancellationTokenSource();
            var writing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var writer = Task.Run(async () =>
            {
                var n = 0;
                while (!stop.IsCancellationRequested)
                {
                    await using var db = await live.CreateDbContextAsync();
                    db.Audit(Actor.System, "round-trip-write", AuditEntityTypes.Security, n++, "write while backing up");
                    await db.SaveChangesAsync(CancellationToken.None);
                    writing.TrySetResult();
                }
                return n;
            }, Ct);
            // The backup starts once the writer is really writing, not after a guessed pause.
            await Task.WhenAny(writing.Task, writer);

            var result = await CliRunner.RunAsync(live.Services, "backup", backup);

            await stop.CancelAsync();
            Assert.True(await writer > 0);
            Assert.True(result.ExitCode == 0, result.Error);
        }
        Assert.False(File.Exists(liveDatabase), "the live fixture cleans up after itself");
        var expected = await RowsAsync(backup);
        Assert.Contains(expected, r => r.Action == "round-trip-write");

        // The backup file as it is: the app starts on it.
        var direct = Path.Combine(_folder, "direct.db");
        File.Copy(backup, direct);
        await AssertAppStartsAndReadsAsync(direct, expected);

        // Restore into a stopped app's database, then start that app.
        var target = Path.Combine(_folder, "restored", "vendorrisk.db");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        await using (var stopped = new ServiceCollection().AddLogging().AddVendorRiskData($"Data Source={target}", _folder).BuildServiceProvider())
        {
            await using (var scope = stopped.CreateAsyncScope())
                await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync(Ct);
            SqliteConnection.ClearAllPools();
            var restored = await CliRunner.RunAsync(stopped, "restore", backup);
            Assert.True(restored.ExitCode == 0, restored.Error);
        }
        SqliteConnection.ClearAllPools();
        await AssertAppStartsAndReadsAsync(target, expected);
    }

    private static async Task AssertAppStartsAndReadsAsync(string databasePath, IReadOnlyList<(long Id, string Action, string? EntityId)> expected)
    {
        await using (var app = new AppOnDatabase(databasePath))
        {
            // Only an app that got through its start-up checks maps its endpoints.
            using var client = app.CreateClient();
            var health = await client.GetAsync("/health", Ct);
            Assert.True(health.IsSuccessStatusCode, $"the app did not start on {Path.GetFileName(databasePath)}: /health {(int)health.StatusCode}");

            // Starting runs the start-up tasks (migrations, seeding) against the file; a refusal fails here.
            await using var db = await app.Services.GetRequiredService<IDbContextFactory<VendorRiskDbContext>>().CreateDbContextAsync(Ct);
            var rows = await db.AuditEntries.AsNoTracking().OrderBy(e => e.Id)
                .Select(e => new { e.Id, e.Action, e.EntityId }).ToListAsync(Ct);
            var read = rows.Select(r => ((long)r.Id, r.Action, r.EntityId)).ToHashSet();
            Assert.All(expected, row => Assert.Contains(row, read));
            // The started app can write to it, too.
            db.Audit(Actor.System, "after-restore", AuditEntityTypes.Security, null, "written after restore");
            await db.SaveChangesAsync(Ct);
        }
        SqliteConnection.ClearAllPools();
        Assert.Equal("ok", await ScalarAsync(databasePath, "PRAGMA integrity_check"));
        Assert.Equal("wal", await ScalarAsync(databasePath, "PRAGMA journal_mode"));
    }

    /// <summary>The real app (its Program, start-up tasks and pipeline) on a given database file.</summary>
    private sealed class AppOnDatabase(string databasePath) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("ConnectionStrings:VendorRisk", $"Data Source={databasePath}");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
        }
    }

    private static async Task<string> ScalarAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!;
    }

    private static async Task<List<(long Id, string Action, string? EntityId)>> RowsAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False;Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id, Action, EntityId FROM AuditEntries ORDER BY Id";
        var rows = new List<(long, string, string?)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            rows.Add((reader.GetInt64(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
        return rows;
    }
}
