using VendorRisk.Web.Features.Tokens;
using VendorRisk.Web.Features.Users;

namespace VendorRisk.Web.Features.Cli;

/// <summary><c>tokens create &lt;email&gt; --name &lt;name&gt; [--days N]</c>: prints the token once.</summary>
internal static class TokenCommands
{
    private const string Usage = "Usage:\n  tokens create <email> --name <name> [--days N]   (N: 1–365, default 90)";

    public static async Task<int> RunAsync(string[] args, IServiceProvider services)
    {
        var console = CliConsole.From(services);
        var split = CliArgs.Split(args, ["--name", "--days"], [], out var problem);
        if (split is not { } parts)
            return await CliArgs.UsageAsync(console, problem!, Usage);
        var (positional, options, _) = parts;
        if (positional is not ["create", var email] || !options.TryGetValue("--name", out var name))
            return await CliArgs.UsageAsync(console, positional.Count == 0 ? "Missing subcommand." : "Wrong arguments: tokens create needs <email> and --name.", Usage);

        var days = TokenService.DefaultDays;
        if (options.TryGetValue("--days", out var daysText) && !int.TryParse(daysText, NumberStyles.Integer, CultureInfo.InvariantCulture, out days))
            return await CliArgs.UsageAsync(console, $"--days takes a whole number, not '{daysText}'.", Usage);
        if (days is < 1 or > TokenService.MaxDays)
        {
            await console.Error.WriteLineAsync($"--days must be 1 to {TokenService.MaxDays}.");
            return AdminCommandLine.Refused;
        }

        var userId = await services.GetRequiredService<UserService>().FindIdByEmailAsync(email);
        if (userId is null)
        {
            await console.Error.WriteLineAsync($"No user with the email {email}.");
            return AdminCommandLine.Refused;
        }
        try
        {
            var created = await services.GetRequiredService<TokenService>().CreateAsSystemAsync(userId, name, days);
            await console.Out.WriteLineAsync(created.Token);
            await console.Error.WriteLineAsync($"Token '{created.Summary.Name}' for {email} expires {created.Summary.ExpiresAt:yyyy-MM-dd} (UTC). It is shown only this once.");
            return AdminCommandLine.Ok;
        }
        catch (ValidationFailedException ex)
        {
            await console.Error.WriteLineAsync(ex.Message);
            return AdminCommandLine.Refused;
        }
    }
}
