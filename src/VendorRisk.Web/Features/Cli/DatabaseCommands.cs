using Microsoft.Data.Sqlite;
using VendorRisk.Data.Sqlite;

namespace VendorRisk.Web.Features.Cli;

/// <summary>
/// <c>backup &lt;file&gt; [--force]</c>: a consistent copy of the live database by <c>VACUUM INTO</c>
/// (one read transaction, so it is safe while the app writes). <c>restore &lt;file&gt;</c>: only while
/// the app is stopped; checks the file, keeps the old database beside the new one.
/// </summary>
internal static class DatabaseCommands
{
    private const string BackupUsage = "Usage:\n  backup <file> [--force]";
    private const string RestoreUsage = "Usage:\n  restore <file>   (stop the app first)";
    private const string ServerBackups =
        "backup and restore work on the embedded SQLite database; on PostgreSQL use the server's own backups (pg_dump, pg_restore, point-in-time recovery).";

    public static async Task<int> BackupAsync(string[] args, IServiceProvider services)
    {
        var console = CliConsole.From(services);
        var split = CliArgs.Split(args, [], ["--force"], out var problem);
        if (split is not { } parts || parts.Positional.Count != 1)
            return await CliArgs.UsageAsync(console, problem ?? "backup takes one file.", BackupUsage);
        var force = parts.Flags.Contains("--force");
        var location = services.GetRequiredService<DatabaseLocation>();
        if (!location.IsSqlite)
            return await RefuseAsync(console, ServerBackups);
        var target = CliArgs.FullPath(parts.Positional[0]);

        if (location.FilePath == ":memory:")
            return await RefuseAsync(console, "The database is in memory; there is nothing to back up.");
        if (string.Equals(target, location.FilePath, StringComparison.Ordinal))
            return await RefuseAsync(console, "The backup cannot be the live database itself.");
        if (File.Exists(target) && !force)
            return await RefuseAsync(console, $"{target} exists; add --force to overwrite it.");
        if (Path.GetDirectoryName(target) is { } folder && !Directory.Exists(folder))
            return await RefuseAsync(console, $"The folder {folder} does not exist.");

        // Written beside the target and moved into place, so a failed backup never leaves half a file under the real name.
        var temporary = $"{target}.{Guid.NewGuid():n}.partial";
        try
        {
            await using (var connection = new SqliteConnection(location.ConnectionString))
            {
                await connection.OpenAsync();
                SqlitePragmaInterceptor.Apply(connection);
                await using var command = connection.CreateCommand();
                command.CommandText = "VACUUM INTO $path";
                command.Parameters.AddWithValue("$path", temporary);
                await command.ExecuteNonQueryAsync();
            }
            // VACUUM INTO writes a rollback-journal file; the app runs on WAL and must start on the backup as it is.
            await UseWriteAheadLogAsync(temporary);
            File.Move(temporary, target, overwrite: force);
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            return await RefuseAsync(console, $"Backup failed: {ex.Message}");
        }
        await console.Out.WriteLineAsync(target);
        return AdminCommandLine.Ok;
    }

    public static async Task<int> RestoreAsync(string[] args, IServiceProvider services)
    {
        var console = CliConsole.From(services);
        var split = CliArgs.Split(args, [], [], out var problem);
        if (split is not { } parts || parts.Positional.Count != 1)
            return await CliArgs.UsageAsync(console, problem ?? "restore takes one file.", RestoreUsage);
        var location = services.GetRequiredService<DatabaseLocation>();
        if (!location.IsSqlite)
            return await RefuseAsync(console, ServerBackups);
        var source = CliArgs.FullPath(parts.Positional[0]);
        var target = location.FilePath;

        if (target == ":memory:")
            return await RefuseAsync(console, "The app's database is in memory; there is nothing to restore into.");
        if (!File.Exists(source))
            return await RefuseAsync(console, $"{source} does not exist.");
        if (string.Equals(source, target, StringComparison.Ordinal))
            return await RefuseAsync(console, "That file is the live database itself.");
        if (AppRunningLock.IsHeld(target))
            return await RefuseAsync(console, "The app is running on this database; stop it, then restore.");

        await using (var db = await services.GetRequiredService<IDbContextFactory<VendorRiskDbContext>>().CreateDbContextAsync())
        {
            var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
            if (await CheckCandidateAsync(source, known) is { } refusal)
                return await RefuseAsync(console, $"{source} cannot be restored: {refusal}");
        }

        SqliteConnection.ClearAllPools();
        string? kept = null;
        try
        {
            if (File.Exists(target))
            {
                // Fold the write-ahead log into the file, so the copy kept beside the new one is complete.
                await using (var connection = new SqliteConnection($"Data Source={target};Pooling=False"))
                {
                    await connection.OpenAsync();
                    await using var checkpoint = connection.CreateCommand();
                    checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
                    await checkpoint.ExecuteNonQueryAsync();
                }
                kept = $"{target}.before-restore-{(services.GetService<TimeProvider>() ?? TimeProvider.System).GetUtcNow().ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)}";
                File.Move(target, kept);
                foreach (var suffix in new[] { "-wal", "-shm" })
                    if (File.Exists(target + suffix))
                        File.Move(target + suffix, kept + suffix);
            }
            var incoming = target + ".restoring";
            File.Copy(source, incoming, overwrite: true);
            // A backup from an older version may still be in rollback-journal mode: the app needs WAL.
            await UseWriteAheadLogAsync(incoming);
            File.Move(incoming, target);
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
        {
            return await RefuseAsync(console, $"Restore failed: {ex.Message}" + (kept is null ? "" : $" The previous database is at {kept}."));
        }

        await console.Out.WriteLineAsync($"restored {source} into {target}");
        if (kept is not null)
            await console.Out.WriteLineAsync($"previous database kept as {kept}");
        return AdminCommandLine.Ok;
    }

    /// <summary>Null when the file is a healthy VendorRisk database this version of the app can open; else why not.</summary>
    internal static async Task<string?> CheckCandidateAsync(string path, IReadOnlySet<string> knownMigrations)
    {
        try
        {
            await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            await connection.OpenAsync();
            await using (var check = connection.CreateCommand())
            {
                check.CommandText = "PRAGMA integrity_check;";
                var results = new List<string>();
                await using var reader = await check.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                    results.Add(reader.GetString(0));
                if (results is not ["ok"])
                    return "integrity_check failed: " + string.Join("; ", results.Take(5));
            }
            await using var history = connection.CreateCommand();
            history.CommandText = "SELECT MigrationId FROM __EFMigrationsHistory";
            var applied = new List<string>();
            await using (var reader = await history.ExecuteReaderAsync())
                while (await reader.ReadAsync())
                    applied.Add(reader.GetString(0));
            if (applied.Count == 0)
                return "it has no schema version (no applied migrations).";
            var unknown = applied.Where(m => !knownMigrations.Contains(m)).ToList();
            if (unknown.Count > 0)
                return $"it was made by a newer version of VendorRisk (unknown migrations: {string.Join(", ", unknown)}).";
            return null;
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == 1)
        {
            return "it is not a VendorRisk database (no migrations history).";
        }
        catch (SqliteException ex)
        {
            return $"it is not a readable SQLite database ({ex.Message}).";
        }
    }

    /// <summary>Switches a closed database file to WAL and folds the log back in, leaving one self-contained file.</summary>
    private static async Task UseWriteAheadLogAsync(string path)
    {
        await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=WAL; PRAGMA wal_checkpoint(TRUNCATE);";
            await command.ExecuteNonQueryAsync();
        }
        foreach (var suffix in new[] { "-wal", "-shm" })
            TryDelete(path + suffix);
    }

    private static async Task<int> RefuseAsync(CliConsole console, string message)
    {
        await console.Error.WriteLineAsync(message);
        return AdminCommandLine.Refused;
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
    }
}
