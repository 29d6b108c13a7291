using System.Diagnostics;
using VendorRisk.Web.Features.Cli;

namespace VendorRisk.Web.Tests.Cli;

/// <summary>
/// api.md: a usage error (an unknown command) exits 2. Run as its own process, as a script runs it: before, a mistyped
/// command fell through to starting the web server, and the script waited on it.
/// </summary>
public sealed class UnknownCommandProcessTests
{
    [Theory]
    [InlineData("user", "add", "someone@example.com")]
    [InlineData("question-set", "validate", "set.json")]
    public async Task A_mistyped_command_exits_2_with_the_list_of_commands_instead_of_starting_the_server(params string[] args)
    {
        var ct = TestContext.Current.CancellationToken;
        var folder = Directory.CreateTempSubdirectory("vendorrisk-cli-");
        try
        {
            var start = new ProcessStartInfo("dotnet")
            {
                Environment =
                {
                    ["ConnectionStrings__VendorRisk"] = $"Data Source={Path.Combine(folder.FullName, "app.db")}",
                    ["ASPNETCORE_ENVIRONMENT"] = "Production",
                    ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
                },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "VendorRisk.Web.dll"));
            foreach (var arg in args)
                start.ArgumentList.Add(arg);
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync(ct);
            var error = process.StandardError.ReadToEndAsync(ct);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromMinutes(1));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail("The process did not exit: it started the server. " + await output);
            }

            Assert.Equal(AdminCommandLine.UsageError, process.ExitCode);
            Assert.Equal($"Unknown command '{args[0]}'. Commands: users, tokens, backup, restore, database, health, question-sets.", (await error).Trim());
            Assert.False(File.Exists(Path.Combine(folder.FullName, "app.db")), "an unknown command opened the database");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("--demo")]
    [InlineData("--urls", "http://127.0.0.1:5000")]
    [InlineData("--contentRoot", "/srv/vendorrisk")]
    [InlineData("urls=http://127.0.0.1:5000")]
    [InlineData("/urls=http://127.0.0.1:5000")]
    public void Options_and_settings_start_the_server(params string[] args) =>
        Assert.False(AdminCommandLine.IsCommand(args));
}
