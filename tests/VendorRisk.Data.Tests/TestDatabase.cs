using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace VendorRisk.Data.Tests;

/// <summary>A real SQLite file in a temp folder, with the app's pragmas interceptor and migrations.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string _folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "vendorrisk-data-tests", Guid.NewGuid().ToString("n"));

    public TestDatabase()
    {
        Directory.CreateDirectory(_folder);
        Path = System.IO.Path.Combine(_folder, "test.db");
        ConnectionString = $"Data Source={Path}";
    }

    public string Path { get; }

    public string ConnectionString { get; }

    public VendorRiskDbContext CreateContext()
    {
        var options = new DbContextOptionsBuilder<VendorRiskDbContext>();
        DependencyInjection.Configure(options, ConnectionString);
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
        SqliteConnection.ClearAllPools();
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
