using Npgsql;
using VendorRisk.Data.Copy;

namespace VendorRisk.Web.Features.Cli;

/// <summary>
/// <c>database copy --to-postgres "&lt;connection string&gt;"</c>: moves the embedded SQLite database into an
/// empty PostgreSQL database (schema by migrations, then every table in one transaction, verified by row
/// counts and per-table checksums before committing). Prints one line per table, then a total.
/// </summary>
internal static class DatabaseCopyCommand
{
    private const string Usage = "Usage:\n  database copy --to-postgres \"Host=…;Database=…;Username=…;Password=…\"";

    public static async Task<int> RunAsync(string[] args, IServiceProvider services)
    {
        var console = CliConsole.From(services);
        if (args.Length == 0 || args[0] != "copy")
            return await CliArgs.UsageAsync(console, args.Length == 0 ? "database needs a subcommand." : $"Unknown database subcommand '{args[0]}'.", Usage);
        var split = CliArgs.Split(args[1..], ["--to-postgres"], [], out var problem);
        if (split is not { } parts || parts.Positional.Count != 0 || !parts.Options.TryGetValue("--to-postgres", out var connectionString))
            return await CliArgs.UsageAsync(console, problem ?? "database copy needs --to-postgres and nothing else.", Usage);

        var location = services.GetRequiredService<DatabaseLocation>();
        if (!location.IsSqlite)
            return await RefuseAsync(console, $"database copy copies the embedded SQLite database; this app already runs on {location.Description}.");
        DatabaseLocation target;
        try
        {
            target = Data.DependencyInjection.Resolve(DatabaseProvider.Postgres, connectionString, Environment.CurrentDirectory);
        }
        catch (ArgumentException ex)
        {
            return await RefuseAsync(console, ex.Message);
        }

        var sourceFactory = services.GetRequiredService<IDbContextFactory<VendorRiskDbContext>>();
        var copier = new DatabaseCopier(sourceFactory.CreateDbContext, () => Context(target));
        IReadOnlyList<TableSummary> tables;
        try
        {
            tables = await copier.CopyAsync();
        }
        catch (DatabaseCopyException ex)
        {
            return await RefuseAsync(console, ex.Message);
        }
        catch (Exception ex) when (ex is NpgsqlException or DbUpdateException or TimeoutException)
        {
            return await RefuseAsync(console, $"The copy to {target.Description} failed and nothing was committed: {ex.GetBaseException().Message}");
        }

        foreach (var table in tables)
            await console.Out.WriteLineAsync($"{table.Table}\t{table.Rows} rows\tsha256 {table.Checksum}");
        await console.Out.WriteLineAsync(
            $"Copied {tables.Count} tables, {tables.Sum(t => t.Rows)} rows, to {target.Description}; row counts and checksums match. " +
            $"Run the app with VendorRisk__Database__Provider=postgres and that connection string.");
        return AdminCommandLine.Ok;
    }

    private static VendorRiskDbContext Context(DatabaseLocation location)
    {
        var options = new DbContextOptionsBuilder<VendorRiskDbContext>();
        Data.DependencyInjection.Configure(options, location);
        return new VendorRiskDbContext(options.Options);
    }

    private static async Task<int> RefuseAsync(CliConsole console, string message)
    {
        await console.Error.WriteLineAsync(message);
        return AdminCommandLine.Refused;
    }
}
