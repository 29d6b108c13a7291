using VendorRisk.Web.Features.QuestionSets;

namespace VendorRisk.Web.Features.Cli;

/// <summary><c>question-sets validate|import|publish|export</c> (api.md "Command line"), through <see cref="QuestionSetService"/>.</summary>
internal static class QuestionSetCommands
{
    private const string Usage = """
        Usage:
          question-sets validate <file>
          question-sets import <file>
          question-sets publish <key> <version>
          question-sets export <key> [--version N] <file>
        """;

    public static async Task<int> RunAsync(string[] args, IServiceProvider services)
    {
        var console = CliConsole.From(services);
        try
        {
            return args switch
            {
                ["validate", var file] => await ValidateAsync(file, console),
                ["import", var file] => await ImportAsync(file, services, console),
                ["publish", var key, var version] => await PublishAsync(key, version, services, console),
                ["export", ..] => await ExportAsync(args[1..], services, console),
                _ => await UsageErrorAsync(console, args.Length == 0 ? "Missing subcommand." : $"Unknown subcommand or wrong arguments: {string.Join(' ', args)}"),
            };
        }
        catch (ValidationFailedException ex)
        {
            foreach (var (path, messages) in ex.Errors)
                foreach (var message in messages)
                    await console.Error.WriteLineAsync($"{path}: {message}");
            return AdminCommandLine.Refused;
        }
        catch (Exception ex) when (ex is ConflictException or NotFoundException or ForbiddenException or IOException or UnauthorizedAccessException)
        {
            await console.Error.WriteLineAsync(ex.Message);
            return AdminCommandLine.Refused;
        }
    }

    private static async Task<int> ValidateAsync(string file, CliConsole console)
    {
        await using var stream = OpenInput(file);
        var result = await QuestionSetService.CheckFileAsync(stream);
        if (result.IsValid)
        {
            await console.Out.WriteLineAsync("valid");
            return AdminCommandLine.Ok;
        }
        foreach (var error in result.Errors)
            await console.Out.WriteLineAsync(error.ToString());
        return AdminCommandLine.Refused;
    }

    private static async Task<int> ImportAsync(string file, IServiceProvider services, CliConsole console)
    {
        await using var stream = OpenInput(file);
        var imported = await Service(services).ImportAsync(stream);
        await console.Out.WriteLineAsync($"{imported.Key} {imported.Version.ToString(CultureInfo.InvariantCulture)}");
        return AdminCommandLine.Ok;
    }

    private static async Task<int> PublishAsync(string key, string versionText, IServiceProvider services, CliConsole console)
    {
        if (!TryParseVersion(versionText, out var version))
            return await UsageErrorAsync(console, $"'{versionText}' is not a version number.");
        if (version < 1)
            return await OutOfRangeAsync(console, version);
        await Service(services).PublishAsync(key, version);
        await console.Out.WriteLineAsync($"{key} {version.ToString(CultureInfo.InvariantCulture)} published");
        return AdminCommandLine.Ok;
    }

    private static async Task<int> ExportAsync(string[] args, IServiceProvider services, CliConsole console)
    {
        int? version = null;
        var positional = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--version")
            {
                if (i + 1 >= args.Length || !TryParseVersion(args[i + 1], out var n))
                    return await UsageErrorAsync(console, "--version needs a version number.");
                if (n < 1)
                    return await OutOfRangeAsync(console, n);
                version = n;
                i++;
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                return await UsageErrorAsync(console, $"Unknown option {args[i]}.");
            }
            else
            {
                positional.Add(args[i]);
            }
        }
        if (positional.Count != 2)
            return await UsageErrorAsync(console, "export needs a key and a file.");

        var exported = await Service(services).ExportAsync(positional[0], version);
        var path = Path.GetFullPath(positional[1], Environment.CurrentDirectory);
        await File.WriteAllBytesAsync(path, exported.Content);
        await console.Out.WriteLineAsync($"{positional[0]} {exported.Version.ToString(CultureInfo.InvariantCulture)} {path}");
        return AdminCommandLine.Ok;
    }

    private static QuestionSetService Service(IServiceProvider services) =>
        services.GetRequiredService<QuestionSetService>().AsSystem();

    private static FileStream OpenInput(string file)
    {
        var path = Path.GetFullPath(file, Environment.CurrentDirectory);
        if (!File.Exists(path))
            throw new IOException($"File not found: {path}");
        return File.OpenRead(path);
    }

    /// <summary>A whole number, of any sign: one below 1 is out of range (<see cref="OutOfRangeAsync"/>), not a usage error.</summary>
    private static bool TryParseVersion(string text, out int version) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out version);

    /// <summary>api.md: a value out of range is refused by the input (exit 1); a word where a number goes is a usage error (2).</summary>
    private static async Task<int> OutOfRangeAsync(CliConsole console, int version)
    {
        await console.Error.WriteLineAsync($"There is no version {version.ToString(CultureInfo.InvariantCulture)}: versions start at 1.");
        return AdminCommandLine.Refused;
    }

    private static async Task<int> UsageErrorAsync(CliConsole console, string message)
    {
        await console.Error.WriteLineAsync(message);
        await console.Error.WriteLineAsync(Usage);
        return AdminCommandLine.UsageError;
    }
}
