using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using VendorRisk.Data;
using VendorRisk.Data.Entities;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Cli;

public sealed class BackupRestoreCommandTests(WebAppFixture app) : IClassFixture<WebAppFixture>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("vendorrisk-cli-").FullName;

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
    public async Task On_PostgreSQL_backup_and_restore_refuse_and_point_to_the_servers_own_backups()
    {
        TestProvider.SkipUnlessPostgres("backup and restore refuse on a server database");
        var file = Path.Combine(_folder, "copy.db");
        foreach (var command in new[] { "backup", "restore" })
        {
            var result = await CliRunner.RunAsync(app.Services, command, file);
            Assert.Equal(1, result.ExitCode);
            Assert.Contains("pg_dump", result.Error);
        }
        Assert.False(File.Exists(file));
    }

    [Fact]
    public async Task A_backup_taken_while_the_app_writes_passes_integrity_check_and_holds_the_same_rows()
    {
        TestProvider.SkipOnPostgres("backup and restore copy the SQLite file; on PostgreSQL they refuse and point to the server's backups (tested in PostgresBackupRefusalTests).");
        using var stop = new CancellationTokenSource();
        var writing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var writer = Task.Run(async () =>
        {
            var n = 0;
            while (!stop.IsCancellationRequested)
            {
                await using var db = await app.CreateDbContextAsync();
                db.Audit(Actor.System, "backup-test-write", AuditEntityTypes.Security, n++, "write while backing up");
                await db.SaveChangesAsync(CancellationToken.None);
                writing.TrySetResult();
            }
            return n;
        }, Ct);
        // The backup starts once the writer is really writing, not after a guessed pause.
        await Task.WhenAny(writing.Task, writer);
        var before = await CountAsync(app.DatabasePath);

        var file = Path.Combine(_folder, "backup.db");
        var result = await CliRunner.RunAsync(app.Services, "backup", file);

        await stop.CancelAsync();
        var written = await writer;
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(file, result.Out.Trim());
        Assert.True(written > 0);
        Assert.Equal("ok", await ScalarAsync(file, "PRAGMA integrity_check"));

        var backedUp = await RowsAsync(file);
        var live = (await RowsAsync(app.DatabasePath)).ToHashSet();
        Assert.True(backedUp.Count >= before);
        Assert.All(backedUp, row => Assert.Contains(row, live));
        Assert.Equal(await ScalarAsync(app.DatabasePath, "SELECT COUNT(*) FROM AspNetUsers"), await ScalarAsync(file, "SELECT COUNT(*) FROM AspNetUsers"));
    }

    [Fact]
    public async Task Backup_refuses_to_overwrite_without_force()
    {
        TestProvider.SkipOnPostgres("backup and restore copy the SQLite file; on PostgreSQL they refuse and point to the server's backups (tested in PostgresBackupRefusalTests).");
        var file = Path.Combine(_folder, "exists.db");
        await File.WriteAllTextAsync(file, "keep me", Ct);

        var refused = await CliRunner.RunAsync(app.Services, "backup", file);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("--force", refused.Error);
        Assert.Equal("keep me", await File.ReadAllTextAsync(file, Ct));

        var forced = await CliRunner.RunAsync(app.Services, "backup", file, "--force");
        Assert.Equal(0, forced.ExitCode);
        Assert.Equal("ok", await ScalarAsync(file, "PRAGMA integrity_check"));
    }

    [Fact]
    public async Task Backup_takes_relative_paths_from_the_current_directory()
    {
        TestProvider.SkipOnPostgres("backup and restore copy the SQLite file; on PostgreSQL they refuse and point to the server's backups (tested in PostgresBackupRefusalTests).");
        var previous = Environment.CurrentDirectory;
        try
        {
            Environment.CurrentDirectory = _folder;
            var result = await CliRunner.RunAsync(app.Services, "backup", "relative.db");
            Assert.Equal(0, result.ExitCode);
        }
        finally
        {
            Environment.CurrentDirectory = previous;
        }
        Assert.True(File.Exists(Path.Combine(_folder, "relative.db")));
    }

    [Theory]
    [InlineData("backup")]
    [InlineData("backup", "a.db", "b.db")]
    [InlineData("backup", "a.db", "--quick")]
    [InlineData("restore")]
    public async Task Backup_and_restore_usage_errors_exit_2(params string[] args) =>
        Assert.Equal(2, (await CliRunner.RunAsync(app.Services, args)).ExitCode);

    [Fact]
    public async Task Restore_refuses_while_the_app_is_running()
    {
        TestProvider.SkipOnPostgres("backup and restore copy the SQLite file; on PostgreSQL they refuse and point to the server's backups (tested in PostgresBackupRefusalTests).");
        var file = Path.Combine(_folder, "for-running.db");
        Assert.Equal(0, (await CliRunner.RunAsync(app.Services, "backup", file)).ExitCode);

        var result = await CliRunner.RunAsync(app.Services, "restore", file);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("running", result.Error);
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(app.DatabasePath)!, "*.before-restore-*"));
    }

    [Fact]
    public async Task Restore_into_a_stopped_app_replaces_the_database_and_keeps_the_old_one_beside_it()
    {
        TestProvider.SkipOnPostgres("backup and restore copy the SQLite file; on PostgreSQL they refuse and point to the server's backups (tested in PostgresBackupRefusalTests).");
        var backup = Path.Combine(_folder, "good.db");
        Assert.Equal(0, (await CliRunner.RunAsync(app.Services, "backup", backup)).ExitCode);
        await using var stopped = await StoppedAppAsync();

        var result = await CliRunner.RunAsync(stopped.Services, "restore", backup);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(await ScalarAsync(app.DatabasePath, "SELECT COUNT(*) FROM AspNetUsers"), await ScalarAsync(stopped.DatabasePath, "SELECT COUNT(*) FROM AspNetUsers"));
        var kept = Assert.Single(Directory.GetFiles(_folder, "stopped.db.before-restore-*"), f => !f.EndsWith("-wal", StringComparison.Ordinal) && !f.EndsWith("-shm", StringComparison.Ordinal));
        Assert.Equal("0", await ScalarAsync(kept, "SELECT COUNT(*) FROM AspNetUsers"));
    }

    [Fact]
    public async Task Restore_refuses_a_file_that_is_not_a_vendorrisk_database_and_changes_nothing()
    {
        TestProvider.SkipOnPostgres("backup and restore copy the SQLite file; on PostgreSQL they refuse and point to the server's backups (tested in PostgresBackupRefusalTests).");
        await using var stopped = await StoppedAppAsync();
        var garbage = Path.Combine(_folder, "garbage.db");
        await File.WriteAllBytesAsync(garbage, [.. Enumerable.Range(0, 4096).Select(i => (byte)i)], Ct);
        var foreign = Path.Combine(_folder, "foreign.db");
        await using (var connection = new SqliteConnection($"Data Source={foreign};Pooling=False"))
        {
            await connection.OpenAsync(Ct);
            await using var create = connection.CreateCommand();
            create.CommandText = "CREATE TABLE notes(id INTEGER PRIMARY KEY)";
            await create.ExecuteNonQueryAsync(Ct);
        }

        Assert.Equal(1, (await CliRunner.RunAsync(stopped.Services, "restore", garbage)).ExitCode);
        Assert.Equal(1, (await CliRunner.RunAsync(stopped.Services, "restore", foreign)).ExitCode);
        Assert.Equal(1, (await CliRunner.RunAsync(stopped.Services, "restore", Path.Combine(_folder, "missing.db"))).ExitCode);
        Assert.Empty(Directory.GetFiles(_folder, "stopped.db.before-restore-*"));
    }

    /// <summary>The data services of an app that is not running, on its own migrated database.</summary>
    private async Task<StoppedApp> StoppedAppAsync()
    {
        var path = Path.Combine(_folder, "stopped.db");
        var services = new ServiceCollection()
            .AddLogging()
            .AddVendorRiskData($"Data Source={path}", _folder)
            .BuildServiceProvider();
        await using (var scope = services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync(Ct);
        SqliteConnection.ClearAllPools();
        return new StoppedApp(services, path);
    }

    private sealed record StoppedApp(ServiceProvider Services, string DatabasePath) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Services.DisposeAsync();
    }

    private static async Task<long> CountAsync(string path) =>
        long.Parse(await ScalarAsync(path, "SELECT COUNT(*) FROM AuditEntries"), System.Globalization.CultureInfo.InvariantCulture);

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
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
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
