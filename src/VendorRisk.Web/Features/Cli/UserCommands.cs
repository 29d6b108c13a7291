using VendorRisk.Web.Features.Users;

namespace VendorRisk.Web.Features.Cli;

/// <summary><c>users add|set-password|set-role|disable|enable</c>: recovery and scripting, acting as the system.</summary>
internal static class UserCommands
{
    private const string Usage = """
        Usage:
          users add <email> --role <Admin|Reviewer|Assessor|Viewer> [--password-stdin]
          users set-password <email> [--password-stdin]
          users set-role <email> <role>
          users disable <email>
          users enable <email>
        """;

    public static async Task<int> RunAsync(string[] args, IServiceProvider services)
    {
        var console = CliConsole.From(services);
        var split = CliArgs.Split(args, ["--role"], ["--password-stdin"], out var problem);
        if (split is not { } parts)
            return await CliArgs.UsageAsync(console, problem!, Usage);
        var (positional, options, flags) = parts;
        var users = services.GetRequiredService<UserService>();
        var stdinPassword = flags.Contains("--password-stdin");
        try
        {
            switch (positional)
            {
                case ["add", var email] when options.TryGetValue("--role", out var role):
                {
                    if (Roles.Parse(role) is null)
                        return await RefuseAsync(console, $"Unknown role '{role}'. Use one of: {string.Join(", ", Roles.All)}.");
                    var password = stdinPassword ? await ReadPasswordAsync(services) : null;
                    if (stdinPassword && string.IsNullOrEmpty(password))
                        return await RefuseAsync(console, "No password on standard input.");
                    var created = await users.CreateAsSystemAsync(new CreateUserRequest(email, email, role, password));
                    await console.Out.WriteLineAsync($"created {created.User.Email} {created.User.Role}");
                    if (created.GeneratedPassword is { } generated)
                        await console.Out.WriteLineAsync($"password: {generated}");
                    return AdminCommandLine.Ok;
                }
                case ["set-password", var email] when options.Count == 0:
                {
                    var id = await users.FindIdByEmailAsync(email);
                    if (id is null)
                        return await RefuseAsync(console, $"No user with the email {email}.");
                    var password = stdinPassword ? await ReadPasswordAsync(services) : null;
                    if (stdinPassword && string.IsNullOrEmpty(password))
                        return await RefuseAsync(console, "No password on standard input.");
                    var set = await users.ResetPasswordAsSystemAsync(id, password);
                    await console.Out.WriteLineAsync($"password of {email} set");
                    if (!stdinPassword)
                        await console.Out.WriteLineAsync($"password: {set}");
                    return AdminCommandLine.Ok;
                }
                case ["set-role", var email, var role] when options.Count == 0 && !stdinPassword:
                {
                    if (Roles.Parse(role) is not { } parsed)
                        return await RefuseAsync(console, $"Unknown role '{role}'. Use one of: {string.Join(", ", Roles.All)}.");
                    var id = await users.FindIdByEmailAsync(email);
                    if (id is null)
                        return await RefuseAsync(console, $"No user with the email {email}.");
                    await users.SetRoleAsSystemAsync(id, parsed);
                    await console.Out.WriteLineAsync($"{email} is now {parsed}");
                    return AdminCommandLine.Ok;
                }
                case [var verb and ("disable" or "enable"), var email] when options.Count == 0 && !stdinPassword:
                {
                    var id = await users.FindIdByEmailAsync(email);
                    if (id is null)
                        return await RefuseAsync(console, $"No user with the email {email}.");
                    await users.SetDisabledAsSystemAsync(id, verb == "disable");
                    await console.Out.WriteLineAsync($"{email} {verb}d");
                    return AdminCommandLine.Ok;
                }
                default:
                    return await CliArgs.UsageAsync(console, positional.Count == 0 ? "Missing subcommand." : $"Wrong arguments: users {string.Join(' ', args)}", Usage);
            }
        }
        catch (ValidationFailedException ex)
        {
            foreach (var (path, messages) in ex.Errors)
                foreach (var message in messages)
                    await console.Error.WriteLineAsync(string.IsNullOrEmpty(path) ? message : $"{path}: {message}");
            return AdminCommandLine.Refused;
        }
        catch (NotFoundException ex)
        {
            return await RefuseAsync(console, ex.Message);
        }
    }

    private static async Task<string?> ReadPasswordAsync(IServiceProvider services) =>
        (await CliInput.From(services).In.ReadLineAsync())?.TrimEnd('\r');

    private static async Task<int> RefuseAsync(CliConsole console, string message)
    {
        await console.Error.WriteLineAsync(message);
        return AdminCommandLine.Refused;
    }
}
