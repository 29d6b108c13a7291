using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VendorRisk.Data;
using VendorRisk.Web.Infrastructure;

namespace VendorRisk.LoadTests;

/// <summary>The app's own services on a chosen database, without Kestrel: schema, seed data and services as the app has them.</summary>
public static class LoadTestHost
{
    public static async Task<WebApplication> StartAsync(DatabaseTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration["ConnectionStrings:VendorRisk"] = target.ConnectionString;
        builder.Configuration[Data.DependencyInjection.ProviderSetting] = target.ProviderName;
        builder.Logging.ClearProviders();
        builder.AddVendorRisk();
        var app = builder.Build();
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<StartupTasks>().RunAsync();
        return app;
    }
}

/// <summary>A SQLite file (<c>--db</c>) or a PostgreSQL connection string (<c>--postgres</c>).</summary>
public sealed record DatabaseTarget(string ConnectionString, string ProviderName)
{
    public static DatabaseTarget? From(CommandOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Get("postgres") is { } postgres)
            return new DatabaseTarget(postgres, "postgres");
        if (options.Get("db") is { } file)
            return new DatabaseTarget($"Data Source={Path.GetFullPath(file)}", "sqlite");
        return null;
    }
}

/// <summary><c>--name value</c> pairs after the command name.</summary>
public sealed class CommandOptions
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public CommandOptions(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        for (var i = 0; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
                throw new ArgumentException($"Expected --name value pairs; '{args[i]}' has no value.");
            _values[args[i][2..]] = args[++i];
        }
    }

    public string? Get(string name) => _values.GetValueOrDefault(name);

    public int GetInt(string name, int fallback) =>
        _values.TryGetValue(name, out var text) ? int.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : fallback;
}
