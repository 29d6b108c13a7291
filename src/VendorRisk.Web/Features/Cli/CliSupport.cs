namespace VendorRisk.Web.Features.Cli;

/// <summary>Standard input for commands that read it (<c>--password-stdin</c>); tests register their own.</summary>
public sealed record CliInput(TextReader In)
{
    public static CliInput From(IServiceProvider services) => services.GetService<CliInput>() ?? new CliInput(Console.In);
}

/// <summary>Small helpers shared by the users, tokens and database commands.</summary>
internal static class CliArgs
{
    /// <summary>Splits arguments into positional ones, <c>--name value</c> options and <c>--flag</c> switches; null when an option is unknown or lacks its value.</summary>
    public static (List<string> Positional, Dictionary<string, string> Options, HashSet<string> Flags)? Split(
        IReadOnlyList<string> args, IReadOnlyCollection<string> options, IReadOnlyCollection<string> flags, out string? problem)
    {
        var positional = new List<string>();
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var set = new HashSet<string>(StringComparer.Ordinal);
        problem = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                positional.Add(arg);
                continue;
            }
            if (flags.Contains(arg))
                set.Add(arg);
            else if (options.Contains(arg))
            {
                if (i + 1 >= args.Count)
                {
                    problem = $"Option {arg} needs a value.";
                    return null;
                }
                values[arg] = args[++i];
            }
            else
            {
                problem = $"Unknown option {arg}.";
                return null;
            }
        }
        return (positional, values, set);
    }

    /// <summary>A path as the user typed it: relative to the directory they ran the command in.</summary>
    public static string FullPath(string path) => Path.GetFullPath(path, Environment.CurrentDirectory);

    public static async Task<int> UsageAsync(CliConsole console, string problem, string usage)
    {
        await console.Error.WriteLineAsync(problem);
        await console.Error.WriteLineAsync(usage);
        return AdminCommandLine.UsageError;
    }
}
