using Microsoft.EntityFrameworkCore;

namespace VendorRisk.Data.Tests;

/// <summary>
/// A real database of the provider the suite runs on (<see cref="TestProvider"/>): a SQLite file in a temp
/// folder with the app's pragmas interceptor, or a fresh PostgreSQL database; migrations applied on request.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string _folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "vendorrisk-data-tests", Guid.NewGuid().ToString("n"));

    public TestDatabase()
    {
        Directory.CreateDirectory(_folder);
        Path = System.IO.Path.Combine(_folder, "test.db");
        Location = TestProvider.Current.IsPostgres
            ? DependencyInjection.Resolve(DatabaseProvider.Postgres, TestProvider.Current.CreatePostgresDatabase(), _folder)
            : new DatabaseLocation($"Data Source={Path}");
    }

    /// <summary>The SQLite file (unused on PostgreSQL).</summary>
    public string Path { get; }

    public DatabaseLocation Location { get; }

    public string ConnectionString => Location.ConnectionString;

    public VendorRiskDbContext CreateContext()
    {
        var options = new DbContextOptionsBuilder<VendorRiskDbContext>();
        DependencyInjection.Configure(options, Location);
        return new VendorRiskDbContext(options.Options);
    }

    public static async Task<TestDatabase> CreateMigratedAsync()
    {
        var database = new TestDatabase();
        await using var db = database.CreateContext();
        await db.Database.MigrateAsync();
        return database;
    }

    public ValueTask DisposeAsync()
    {
        TestProvider.ClearPools();
        if (!Location.IsSqlite)
            TestProvider.Current.DropPostgresDatabase(ConnectionString);
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
        return ValueTask.CompletedTask;
    }
}
