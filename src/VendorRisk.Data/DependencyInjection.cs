using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using VendorRisk.Data.Sqlite;

namespace VendorRisk.Data;

/// <summary>The database engines the app runs on: SQLite embedded (the default) or a PostgreSQL server.</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public static class DependencyInjection
{
    public const string ConnectionStringName = "VendorRisk";
    public const string ProviderSetting = "VendorRisk:Database:Provider";
    public const string DefaultDatabasePath = "data/vendorrisk.db";
    /// <summary>The assembly holding the PostgreSQL migrations; the SQLite ones live in this assembly.</summary>
    public const string PostgresMigrationsAssembly = "VendorRisk.Data.Postgres";

    /// <summary>
    /// Registers a pooled DbContext factory (Blazor Server: one short-lived context per operation; pooled, because every
    /// autosave opens two and building a context's services each time was a tenth of a save's CPU).
    /// For SQLite, <paramref name="connectionString"/> null means <c>data/vendorrisk.db</c> under <paramref name="contentRoot"/>.
    /// </summary>
    public static IServiceCollection AddVendorRiskData(this IServiceCollection services, string? connectionString, string contentRoot,
        DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        var location = Resolve(provider, connectionString, contentRoot);
        services.AddSingleton(location);
        // Interceptors registered by the app (e.g. the one that keeps stored scores current) join every context.
        services.AddPooledDbContextFactory<VendorRiskDbContext>((provider, options) =>
        {
            Configure(options, location, provider.GetService<TimeProvider>());
            options.AddInterceptors(provider.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.ISaveChangesInterceptor>());
        });
        // Identity's stores and the data-protection key ring take the context from their scope: one from the pool too.
        services.AddScoped(provider => provider.GetRequiredService<IDbContextFactory<VendorRiskDbContext>>().CreateDbContext());
        services.AddScoped<DatabaseInitializer>();
        return services;
    }

    /// <summary>SQLite with the app's pragmas (the embedded default).</summary>
    public static void Configure(DbContextOptionsBuilder options, string connectionString) =>
        Configure(options, new DatabaseLocation(connectionString));

    /// <param name="clock">Stamps audit entries; null is the system clock (to the microsecond).</param>
    public static void Configure(DbContextOptionsBuilder options, DatabaseLocation location, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (location.Provider == DatabaseProvider.Postgres)
            options.UseNpgsql(location.ConnectionString, npgsql => npgsql.MigrationsAssembly(PostgresMigrationsAssembly));
        else
            options.UseSqlite(location.ConnectionString).AddInterceptors(new SqlitePragmaInterceptor());
        options.AddInterceptors(new AuditClockInterceptor(clock ?? MicrosecondTimeProvider.Default));
    }

    /// <summary>Reads <c>VendorRisk:Database:Provider</c>: empty or <c>sqlite</c>, or <c>postgres</c>.</summary>
    public static DatabaseProvider ParseProvider(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "sqlite" => DatabaseProvider.Sqlite,
        "postgres" or "postgresql" => DatabaseProvider.Postgres,
        _ => throw new ArgumentException($"{ProviderSetting} is '{value}'; use 'sqlite' (the default) or 'postgres'."),
    };

    public static DatabaseLocation Resolve(DatabaseProvider provider, string? connectionString, string contentRoot)
    {
        if (provider == DatabaseProvider.Sqlite)
            return new DatabaseLocation(ResolveConnectionString(connectionString, contentRoot));
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new ArgumentException($"{ProviderSetting} is 'postgres' but ConnectionStrings:{ConnectionStringName} is empty; set it to the PostgreSQL connection string (Host=…;Database=…;Username=…;Password=…).");
        try
        {
            return new DatabaseLocation(WithAutoPrepare(connectionString).ConnectionString, DatabaseProvider.Postgres);
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException($"ConnectionStrings:{ConnectionStringName} is not a PostgreSQL connection string: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// Prepared statements for the queries every autosave runs, unless the connection string decides (ADR 0060): the
    /// server parses and plans them once per connection, not on every save. <c>Max Auto Prepare=0</c> turns it off,
    /// for a pooler in front of PostgreSQL that cannot keep prepared statements.
    /// </summary>
    private static NpgsqlConnectionStringBuilder WithAutoPrepare(string connectionString)
    {
        // Npgsql's own builder answers ContainsKey for every keyword it knows, set or not: ask the plain one.
        var written = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!written.ContainsKey("Max Auto Prepare") && !written.ContainsKey("MaxAutoPrepare"))
            builder.MaxAutoPrepare = 64;
        if (!written.ContainsKey("Auto Prepare Min Usages") && !written.ContainsKey("AutoPrepareMinUsages"))
            builder.AutoPrepareMinUsages = 2;
        return builder;
    }

    public static string ResolveConnectionString(string? connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(
            string.IsNullOrWhiteSpace(connectionString) ? $"Data Source={DefaultDatabasePath}" : connectionString);
        if (builder.DataSource != ":memory:" && !Path.IsPathRooted(builder.DataSource))
            builder.DataSource = Path.GetFullPath(Path.Combine(contentRoot, builder.DataSource));
        builder.DefaultTimeout = 30;
        builder.Pooling = true;
        return builder.ToString();
    }
}

/// <summary>Which database the app uses, for health checks, backup, copy and clear start-up errors.</summary>
public sealed record DatabaseLocation(string ConnectionString, DatabaseProvider Provider = DatabaseProvider.Sqlite)
{
    public bool IsSqlite => Provider == DatabaseProvider.Sqlite;

    /// <summary>The SQLite file; PostgreSQL has none.</summary>
    public string FilePath => IsSqlite
        ? new SqliteConnectionStringBuilder(ConnectionString).DataSource
        : throw new InvalidOperationException("A PostgreSQL database has no file.");

    /// <summary>For logs and messages: the file, or the server and database (never the password).</summary>
    public string Description
    {
        get
        {
            if (IsSqlite)
                return FilePath;
            var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
            return $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database}";
        }
    }

    public string ProviderName => IsSqlite ? "sqlite" : "postgres";
}
