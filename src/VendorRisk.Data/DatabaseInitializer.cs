using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;

namespace VendorRisk.Data;

public sealed class DatabaseStartupException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Applies the provider's migrations (SQLite: after creating the folder and checking the file is a writable
/// SQLite database; PostgreSQL: the database is created when missing and the role may).
/// </summary>
public sealed class DatabaseInitializer(
    IDbContextFactory<VendorRiskDbContext> contextFactory,
    DatabaseLocation location,
    ILogger<DatabaseInitializer> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        if (!location.IsSqlite)
        {
            await MigratePostgresAsync(cancellationToken);
            return;
        }

        var path = location.FilePath;
        try
        {
            if (path != ":memory:")
            {
                var folder = Path.GetDirectoryName(path);
                if (!string.IsNullOrEmpty(folder))
                    Directory.CreateDirectory(folder);
                CheckFile(path);
            }

            await ApplyMigrationsAsync(cancellationToken);
        }
        catch (DatabaseStartupException)
        {
            throw;
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == 26)
        {
            throw new DatabaseStartupException($"The database file {path} is not a SQLite database (it may be damaged, or another file has that name).", ex);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is 8 or 14)
        {
            throw new DatabaseStartupException($"The database file {path} cannot be opened for writing (read-only file or folder, or no permission).", ex);
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            throw new DatabaseStartupException($"The database file {path} cannot be created or written: {ex.Message}", ex);
        }
    }

    private async Task MigratePostgresAsync(CancellationToken cancellationToken)
    {
        try
        {
            await ApplyMigrationsAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or TimeoutException)
        {
            throw new DatabaseStartupException($"The database {location.Description} cannot be reached or migrated: {ex.Message}", ex);
        }
    }

    /// <summary>One log line for both providers; several instances starting at once are serialised by EF's migration lock.</summary>
    private async Task ApplyMigrationsAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        // A missing PostgreSQL database is created first, tolerating another instance doing the same at the same moment.
        if (!location.IsSqlite)
            await CreatePostgresDatabaseIfMissingAsync(db, cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        logger.LogInformation("Database {Path}: applying {Count} pending migration(s) {Migrations}", location.Description, pending.Count, pending);
        await db.Database.MigrateAsync(cancellationToken);
    }

    private static async Task CreatePostgresDatabaseIfMissingAsync(VendorRiskDbContext db, CancellationToken cancellationToken)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (await creator.ExistsAsync(cancellationToken))
            return;
        try
        {
            await creator.CreateAsync(cancellationToken);
        }
        catch (Npgsql.PostgresException ex) when (ex.SqlState == Npgsql.PostgresErrorCodes.DuplicateDatabase)
        {
            // Another instance starting at the same moment created it.
        }
    }

    private static void CheckFile(string path)
    {
        if (!File.Exists(path))
            return;

        var info = new FileInfo(path);
        if (info.IsReadOnly)
            throw new DatabaseStartupException($"The database file {path} is read-only; the app needs to write to it.");

        if (info.Length == 0)
            return;

        Span<byte> header = stackalloc byte[16];
        using (var stream = File.OpenRead(path))
        {
            var read = stream.Read(header);
            if (read < 16 || !header.SequenceEqual("SQLite format 3\0"u8))
                throw new DatabaseStartupException($"The database file {path} is not a SQLite database (it may be damaged, or another file has that name).");
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
        }
        catch (UnauthorizedAccessException)
        {
            throw new DatabaseStartupException($"The database file {path} cannot be opened for writing (no permission).");
        }
    }
}
