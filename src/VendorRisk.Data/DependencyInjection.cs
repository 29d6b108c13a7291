using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VendorRisk.Data.Sqlite;

namespace VendorRisk.Data;

public static class DependencyInjection
{
    public const string ConnectionStringName = "VendorRisk";
    public const string DefaultDatabasePath = "data/vendorrisk.db";

    /// <summary>
    /// Registers a DbContext factory (Blazor Server: one short-lived context per operation).
    /// <paramref name="connectionString"/> null means <c>data/vendorrisk.db</c> under <paramref name="contentRoot"/>.
    /// </summary>
    public static IServiceCollection AddVendorRiskData(this IServiceCollection services, string? connectionString, string contentRoot)
    {
        var resolved = ResolveConnectionString(connectionString, contentRoot);
        services.AddSingleton(new DatabaseLocation(resolved));
        services.AddDbContextFactory<VendorRiskDbContext>(options => Configure(options, resolved));
        services.AddScoped<DatabaseInitializer>();
        return services;
    }

    public static void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString).AddInterceptors(new SqlitePragmaInterceptor());

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

/// <summary>Where the database lives, for health checks, backup and clear start-up errors.</summary>
public sealed record DatabaseLocation(string ConnectionString)
{
    public string FilePath => new SqliteConnectionStringBuilder(ConnectionString).DataSource;
}
