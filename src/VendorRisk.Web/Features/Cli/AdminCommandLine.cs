using Microsoft.Extensions.Logging.Console;
using VendorRisk.Web.Features.QuestionSets;

namespace VendorRisk.Web.Features.Cli;

/// <summary>Where a command writes: its result to <see cref="Out"/>, its errors to <see cref="Error"/>. Tests register their own.</summary>
public sealed record CliConsole(TextWriter Out, TextWriter Error)
{
    public static CliConsole Standard => new(Console.Out, Console.Error);

    public static CliConsole From(IServiceProvider services) => services.GetService<CliConsole>() ?? Standard;
}

/// <summary>
/// The admin command line of api.md: runs without starting the web server, on the database
/// the app uses. Each command group is one entry of <see cref="Groups"/>; a handler gets the
/// arguments after the group name and the app's services, and returns the exit code
/// (0 ok, 1 refused by the input or the data, 2 usage error).
/// </summary>
public static class AdminCommandLine
{
    public const int Ok = 0;
    public const int Refused = 1;
    public const int UsageError = 2;

    public static readonly IReadOnlyList<string> Commands = ["question-sets", "users", "tokens", "backup", "restore", "health", "database"];

    public static readonly Dictionary<string, Func<string[], IServiceProvider, Task<int>>> Groups = new(StringComparer.Ordinal)
    {
        ["users"] = UserCommands.RunAsync,
        ["tokens"] = TokenCommands.RunAsync,
        ["backup"] = DatabaseCommands.BackupAsync,
        ["restore"] = DatabaseCommands.RestoreAsync,
        ["database"] = DatabaseCopyCommand.RunAsync,
        ["health"] = HealthCommand.RunAsync,
        ["question-sets"] = QuestionSetCommands.RunAsync,
    };

    /// <summary>
    /// Whether the arguments name a command rather than start the server: a first argument that is a word (not an option
    /// such as <c>--demo</c> or <c>--urls</c>, nor a <c>key=value</c> setting) is a command, so a mistyped one ends with a
    /// usage error instead of starting a server that a script would wait on.
    /// </summary>
    public static bool IsCommand(string[] args) =>
        args.Length > 0 && (Commands.Contains(args[0]) || args[0] is [not ('-' or '/'), ..] && !args[0].Contains('='));

    public static async Task<int> RunAsync(string[] args)
    {
        // The container's HEALTHCHECK: asks the running server, needs no database of its own.
        if (args[0] == "health")
            return await HealthCommand.ProbeAsync(args[1..]);

        if (!Groups.ContainsKey(args[0]))
        {
            await Console.Error.WriteLineAsync(UnknownCommand(args[0]));
            return UsageError;
        }

        // "--Section:Key=value" arguments configure the app (e.g. the connection string); the rest is the command.
        var configuration = args.Where(IsConfigurationArgument).ToArray();
        var command = args.Where(a => !IsConfigurationArgument(a)).ToArray();

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = AppArguments.Normalize(configuration),
            ContentRootPath = ResolveContentRoot(),
        });
        builder.AddVendorRisk();
        // Results go to standard output, so logging goes to standard error, warnings and worse only.
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.AddFilter<ConsoleLoggerProvider>(null, LogLevel.Warning);
        await using var app = builder.Build();

        try
        {
            // restore replaces the file: it must not migrate or seed the database it is about to set aside.
            if (command.FirstOrDefault() != "restore")
                await using (var startup = app.Services.CreateAsyncScope())
                await startup.ServiceProvider.GetRequiredService<StartupTasks>().RunAsync();
        }
        catch (Exception ex) when (ex is Data.DatabaseStartupException or InvalidOperationException)
        {
            await Console.Error.WriteLineAsync($"VendorRisk cannot open its database: {ex.Message}");
            return Refused;
        }

        await using var scope = app.Services.CreateAsyncScope();
        return await DispatchAsync(command, scope.ServiceProvider);
    }

    /// <summary>Runs a command against ready services (the database migrated); tests call this in-process.</summary>
    public static async Task<int> DispatchAsync(string[] args, IServiceProvider services)
    {
        var console = CliConsole.From(services);
        if (args.Length == 0 || !Groups.TryGetValue(args[0], out var handler))
        {
            await console.Error.WriteLineAsync(UnknownCommand(args.Length > 0 ? args[0] : null));
            return UsageError;
        }
        return await handler(args[1..], services);
    }

    private static string UnknownCommand(string? name) =>
        $"Unknown command{(name is null ? "" : $" '{name}'")}. Commands: {string.Join(", ", Groups.Keys)}.";

    private static bool IsConfigurationArgument(string arg) =>
        arg.StartsWith("--", StringComparison.Ordinal) && arg.Contains(':') && arg.Contains('=');

    /// <summary>
    /// The folder the app itself runs in, so the CLI opens the same database: the project folder
    /// when running from source (where <c>dotnet run</c> starts the app), else the app's own folder.
    /// The relative paths the user typed are resolved from the current directory, not from here.
    /// </summary>
    public static string? ResolveContentRoot()
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT")))
            return null;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "VendorRisk.Web.csproj")))
                return dir.FullName;
        }
        return AppContext.BaseDirectory;
    }
}
