using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace VendorRisk.Data.Tests.Sqlite;

public sealed class MigrationAndPragmaTests
{
    [Fact]
    public async Task The_migrations_apply_to_an_empty_database()
    {
        await using var database = new TestDatabase();
        await using var db = database.CreateContext();

        await db.Database.MigrateAsync(TestContext.Current.CancellationToken);

        Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, await db.Vendors.CountAsync(TestContext.Current.CancellationToken));
        if (database.Location.IsSqlite)
            Assert.True(new FileInfo(database.Path).Length > 0);
    }

    [Fact]
    public async Task Every_connection_reads_back_the_pragmas_as_set()
    {
        TestProvider.SkipOnPostgres("SQLite pragmas and SQLite file checks.");
        await using var database = await TestDatabase.CreateMigratedAsync();
        await using var db = database.CreateContext();
        await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);

        Assert.Equal("wal", await ScalarAsync(db, "PRAGMA journal_mode"));
        Assert.Equal("1", await ScalarAsync(db, "PRAGMA foreign_keys"));
        Assert.Equal("2", await ScalarAsync(db, "PRAGMA synchronous")); // 2 = FULL
        Assert.Equal("5000", await ScalarAsync(db, "PRAGMA busy_timeout"));
    }

    [Fact]
    public async Task A_pooled_connection_keeps_its_pragmas_without_running_them_again_and_a_new_one_gets_them()
    {
        TestProvider.SkipOnPostgres("SQLite pragmas and SQLite file checks.");
        await using var database = await TestDatabase.CreateMigratedAsync();
        await using (var first = database.CreateContext())
        {
            await first.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
            // Changed by hand on the native connection: if every open ran the pragmas again, the next open would undo it.
            await first.Database.ExecuteSqlRawAsync("PRAGMA busy_timeout=1234", TestContext.Current.CancellationToken);
        }

        await using (var reopened = database.CreateContext())
        {
            await reopened.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
            Assert.Equal("1234", await ScalarAsync(reopened, "PRAGMA busy_timeout"));
            Assert.Equal("1", await ScalarAsync(reopened, "PRAGMA foreign_keys"));
            Microsoft.Data.Sqlite.SqliteConnection.ClearPool((Microsoft.Data.Sqlite.SqliteConnection)reopened.Database.GetDbConnection());
        }

        await using var fresh = database.CreateContext();
        await fresh.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        Assert.Equal("5000", await ScalarAsync(fresh, "PRAGMA busy_timeout"));
        Assert.Equal("1", await ScalarAsync(fresh, "PRAGMA foreign_keys"));
        Assert.Equal("2", await ScalarAsync(fresh, "PRAGMA synchronous"));
    }

    [Fact]
    public async Task The_audit_log_refuses_updates_and_deletes()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        await using var db = database.CreateContext();
        db.Audit(Actor.System, "test", "test", 1, "an entry");
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);

        var update = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => db.Database.ExecuteSqlRawAsync("""UPDATE "AuditEntries" SET "Summary" = 'changed'""", TestContext.Current.CancellationToken));
        var delete = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => db.Database.ExecuteSqlRawAsync("""DELETE FROM "AuditEntries" """, TestContext.Current.CancellationToken));
        Assert.Contains("append-only", update.Message, StringComparison.Ordinal);
        Assert.Contains("append-only", delete.Message, StringComparison.Ordinal);
        Assert.Equal("an entry", (await db.AuditEntries.AsNoTracking().SingleAsync(TestContext.Current.CancellationToken)).Summary);
    }

    [Fact]
    public async Task Start_up_against_a_file_that_is_not_sqlite_fails_with_a_message_naming_the_file()
    {
        TestProvider.SkipOnPostgres("SQLite pragmas and SQLite file checks.");
        await using var database = new TestDatabase();
        await File.WriteAllTextAsync(database.Path, "this is a spreadsheet, not a database", TestContext.Current.CancellationToken);
        var initializer = Initializer(database);

        var error = await Assert.ThrowsAsync<DatabaseStartupException>(() => initializer.MigrateAsync(TestContext.Current.CancellationToken));

        Assert.Contains(database.Path, error.Message);
        Assert.Contains("not a SQLite database", error.Message);
    }

    [Fact]
    public async Task Start_up_against_a_read_only_file_fails_with_a_message_naming_the_file()
    {
        TestProvider.SkipOnPostgres("SQLite pragmas and SQLite file checks.");
        await using var database = await TestDatabase.CreateMigratedAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.SetAttributes(database.Path, FileAttributes.ReadOnly);
        try
        {
            var error = await Assert.ThrowsAsync<DatabaseStartupException>(() => Initializer(database).MigrateAsync(TestContext.Current.CancellationToken));
            Assert.Contains(database.Path, error.Message);
            Assert.Contains("read-only", error.Message);
        }
        finally
        {
            File.SetAttributes(database.Path, FileAttributes.Normal);
        }
    }

    [Fact]
    public async Task Start_up_creates_the_missing_folder()
    {
        TestProvider.SkipOnPostgres("SQLite pragmas and SQLite file checks.");
        await using var database = new TestDatabase();
        var nested = Path.Combine(Path.GetDirectoryName(database.Path)!, "nested", "data", "vendorrisk.db");
        var location = new DatabaseLocation($"Data Source={nested}");

        await new DatabaseInitializer(new Factory(location.ConnectionString), location, NullLogger<DatabaseInitializer>.Instance)
            .MigrateAsync(TestContext.Current.CancellationToken);

        Assert.True(File.Exists(nested));
    }

    private static DatabaseInitializer Initializer(TestDatabase database) =>
        new(new Factory(database.ConnectionString), new DatabaseLocation(database.ConnectionString), NullLogger<DatabaseInitializer>.Instance);

    private static async Task<string?> ScalarAsync(VendorRiskDbContext db, string sql)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        return (await command.ExecuteScalarAsync())?.ToString();
    }

    private sealed class Factory(string connectionString) : IDbContextFactory<VendorRiskDbContext>
    {
        public VendorRiskDbContext CreateDbContext()
        {
            var options = new DbContextOptionsBuilder<VendorRiskDbContext>();
            DependencyInjection.Configure(options, connectionString);
            return new VendorRiskDbContext(options.Options);
        }
    }
}
