using Microsoft.Data.Sqlite;
using Npgsql;
using VendorRisk.Data;

namespace VendorRisk.Testing;

/// <summary>
/// Which database the Data and Web test suites run on. SQLite by default; with
/// <c>VENDORRISK_TEST_PROVIDER=postgres</c> every fixture gets a fresh database on the PostgreSQL
/// server of <c>VENDORRISK_TEST_POSTGRES</c> (an admin connection string, default
/// <c>Host=127.0.0.1;Port=5432;Username=postgres</c>), dropped again when the fixture ends.
/// <c>.ci/run</c> starts a throwaway server and runs both suites this way too.
/// </summary>
public sealed class TestProvider
{
    public const string ProviderVariable = "VENDORRISK_TEST_PROVIDER";
    public const string PostgresVariable = "VENDORRISK_TEST_POSTGRES";

    private TestProvider(DatabaseProvider provider, string? adminConnectionString)
    {
        Provider = provider;
        AdminConnectionString = adminConnectionString;
    }

    public static TestProvider Current { get; } = FromEnvironment();

    public DatabaseProvider Provider { get; }

    public bool IsPostgres => Provider == DatabaseProvider.Postgres;

    /// <summary>As <c>/health</c> and the configuration name it: <c>sqlite</c> or <c>postgres</c>.</summary>
    public string Name => IsPostgres ? "postgres" : "sqlite";

    /// <summary>The PostgreSQL server's admin connection string (creates and drops test databases).</summary>
    public string? AdminConnectionString { get; }

    /// <summary>Skips the calling test on PostgreSQL, saying why it only means something on SQLite.</summary>
    public static void SkipOnPostgres(string why) =>
        Assert.SkipWhen(Current.IsPostgres, $"SQLite only: {why}");

    /// <summary>Skips the calling test unless the suite runs on PostgreSQL.</summary>
    public static void SkipUnlessPostgres(string what) =>
        Assert.SkipUnless(Current.IsPostgres, $"PostgreSQL only: {what}. Run with {ProviderVariable}=postgres and {PostgresVariable}=<admin connection string> (bash .ci/run does).");

    /// <summary>A new, empty PostgreSQL database; returns its connection string.</summary>
    public string CreatePostgresDatabase()
    {
        var admin = new NpgsqlConnectionStringBuilder(AdminConnectionString ?? throw new InvalidOperationException("Not running on PostgreSQL."));
        var name = $"vr_test_{Guid.NewGuid():N}";
        using (var connection = new NpgsqlConnection(admin.ConnectionString))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE {name}";
            command.ExecuteNonQuery();
        }
        admin.Database = name;
        admin.Pooling = true;
        admin.MaxPoolSize = 200;
        return admin.ConnectionString;
    }

    public void DropPostgresDatabase(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        try
        {
            using var connection = new NpgsqlConnection(AdminConnectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"DROP DATABASE IF EXISTS {name} WITH (FORCE)";
            command.ExecuteNonQuery();
        }
        catch (NpgsqlException)
        {
            // A leftover test database in a throwaway cluster is harmless.
        }
    }

    public static void ClearPools()
    {
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
    }

    private static TestProvider FromEnvironment()
    {
        var provider = DependencyInjection.ParseProvider(Environment.GetEnvironmentVariable(ProviderVariable));
        if (provider == DatabaseProvider.Sqlite)
            return new TestProvider(provider, null);
        var admin = Environment.GetEnvironmentVariable(PostgresVariable);
        return new TestProvider(provider, string.IsNullOrWhiteSpace(admin) ? "Host=127.0.0.1;Port=5432;Username=postgres" : admin);
    }
}
