namespace VendorRisk.Web.Features.Cli;

/// <summary>The admin command line of api.md: runs without starting the web server.</summary>
public static class AdminCommandLine
{
    public static readonly IReadOnlyList<string> Commands = ["question-sets", "users", "tokens", "backup", "restore"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Commands.Contains(args[0]);

    public static Task<int> RunAsync(string[] args)
    {
        Console.Error.WriteLine($"Command '{args[0]}' is not available yet.");
        return Task.FromResult(2);
    }
}
