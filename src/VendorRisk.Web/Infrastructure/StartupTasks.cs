namespace VendorRisk.Web.Infrastructure;

/// <summary>Runs once before the app serves: schema, then seed data, then (demo mode) demo users and data.</summary>
public sealed class StartupTasks(DatabaseInitializer database, IServiceProvider services, VendorRiskOptions options, IHostEnvironment environment, ILogger<StartupTasks> logger)
{
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        await database.MigrateAsync(cancellationToken);
        foreach (var seeder in services.GetServices<ISeeder>())
            await seeder.SeedAsync(cancellationToken);
        if (options.Demo)
        {
            if (environment.IsProduction())
                throw new InvalidOperationException("Demo mode refuses to start in the Production environment: it creates users with known roles and prints their passwords.");
            logger.LogWarning("Demo mode: demo users and fictional vendors are loaded. Never use demo mode with real data.");
            foreach (var seeder in services.GetServices<IDemoSeeder>())
                await seeder.SeedAsync(cancellationToken);
        }
    }
}

/// <summary>Fills empty tables from seed-data/ on every start (idempotent).</summary>
public interface ISeeder
{
    Task SeedAsync(CancellationToken cancellationToken);
}

/// <summary>Loaded only in demo mode.</summary>
public interface IDemoSeeder
{
    Task SeedAsync(CancellationToken cancellationToken);
}
