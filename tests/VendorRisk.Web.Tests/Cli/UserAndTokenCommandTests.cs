using System.Net;
using Microsoft.EntityFrameworkCore;
using VendorRisk.Data.Entities;
using VendorRisk.Web.Tests.Api;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Cli;

public sealed class UserAndTokenCommandTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Users_add_with_a_generated_password_prints_it_once_and_the_user_can_sign_in()
    {
        var result = await CliRunner.RunAsync(app.Services, "users", "add", "cli-new@vendorrisk.test", "--role", "Reviewer");

        Assert.Equal(0, result.ExitCode);
        var password = result.Out.Split('\n').Single(l => l.StartsWith("password: ", StringComparison.Ordinal))["password: ".Length..].Trim();
        using var client = await app.SignInAsync("cli-new@vendorrisk.test", password);
        await using var db = await app.CreateDbContextAsync();
        Assert.Equal(Roles.Reviewer, (await db.Users.SingleAsync(u => u.Email == "cli-new@vendorrisk.test", Ct)).Role);
    }

    [Fact]
    public async Task Users_add_with_password_stdin_takes_the_first_line()
    {
        var result = await CliRunner.RunWithInputAsync(app.Services, "a long enough passphrase 77\nignored\n", "users", "add", "cli-stdin@vendorrisk.test", "--role", "viewer", "--password-stdin");
        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("password:", result.Out);
        using var client = await app.SignInAsync("cli-stdin@vendorrisk.test", "a long enough passphrase 77");
    }

    [Theory]
    [InlineData(1, "users", "add", "x@vendorrisk.test", "--role", "Overlord")]
    [InlineData(1, "users", "add", "not-an-email", "--role", "Viewer")]
    [InlineData(1, "users", "add", "admin@vendorrisk.test", "--role", "Viewer")]
    [InlineData(2, "users", "add", "x@vendorrisk.test")]
    [InlineData(2, "users", "add", "x@vendorrisk.test", "--role")]
    [InlineData(2, "users", "add", "x@vendorrisk.test", "--role", "Viewer", "--colour")]
    [InlineData(2, "users")]
    [InlineData(2, "users", "rename", "a", "b")]
    [InlineData(1, "users", "set-role", "nobody@vendorrisk.test", "Viewer")]
    [InlineData(1, "users", "set-role", "viewer@vendorrisk.test", "Overlord")]
    [InlineData(1, "users", "disable", "nobody@vendorrisk.test")]
    [InlineData(1, "users", "enable", "nobody@vendorrisk.test")]
    [InlineData(1, "users", "set-password", "nobody@vendorrisk.test")]
    [InlineData(2, "users", "set-role", "viewer@vendorrisk.test")]
    [InlineData(2, "no-such-command")]
    public async Task Refused_input_exits_1_and_usage_errors_exit_2_with_a_message_on_stderr(int expected, params string[] args)
    {
        var result = await CliRunner.RunAsync(app.Services, args);
        Assert.Equal(expected, result.ExitCode);
        Assert.NotEmpty(result.Error);
        Assert.Empty(result.Out);
    }

    [Fact]
    public async Task Users_set_password_with_a_weak_password_is_refused()
    {
        var result = await CliRunner.RunWithInputAsync(app.Services, "short\n", "users", "set-password", WebAppFixture.EmailOf(Roles.Viewer), "--password-stdin");
        Assert.Equal(1, result.ExitCode);
    }

    [Fact]
    public async Task Users_set_password_set_role_disable_and_enable_change_the_user()
    {
        Assert.Equal(0, (await CliRunner.RunAsync(app.Services, "users", "add", "cli-life@vendorrisk.test", "--role", "Viewer")).ExitCode);

        var reset = await CliRunner.RunAsync(app.Services, "users", "set-password", "cli-life@vendorrisk.test");
        Assert.Equal(0, reset.ExitCode);
        var password = reset.Out.Split('\n').Single(l => l.StartsWith("password: ", StringComparison.Ordinal))["password: ".Length..].Trim();
        using (await app.SignInAsync("cli-life@vendorrisk.test", password)) { }

        Assert.Equal(0, (await CliRunner.RunAsync(app.Services, "users", "set-role", "cli-life@vendorrisk.test", "Assessor")).ExitCode);
        Assert.Equal(0, (await CliRunner.RunAsync(app.Services, "users", "disable", "cli-life@vendorrisk.test")).ExitCode);
        await using (var db = await app.CreateDbContextAsync())
        {
            var user = await db.Users.SingleAsync(u => u.Email == "cli-life@vendorrisk.test", Ct);
            Assert.Equal(Roles.Assessor, user.Role);
            Assert.True(user.IsDisabled);
        }
        Assert.Equal(0, (await CliRunner.RunAsync(app.Services, "users", "enable", "cli-life@vendorrisk.test")).ExitCode);
        await using (var db = await app.CreateDbContextAsync())
            Assert.False((await db.Users.SingleAsync(u => u.Email == "cli-life@vendorrisk.test", Ct)).IsDisabled);
    }

    [Fact]
    public async Task Tokens_create_prints_a_token_that_opens_the_api()
    {
        var result = await CliRunner.RunAsync(app.Services, "tokens", "create", WebAppFixture.EmailOf(Roles.Viewer), "--name", "ci", "--days", "7");
        Assert.Equal(0, result.ExitCode);
        var token = result.Out.Trim();
        Assert.StartsWith("vr_", token);
        using var client = app.ApiClient(token);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/assessments/31337", Ct)).StatusCode);
    }

    [Theory]
    [InlineData(1, "tokens", "create", "viewer@vendorrisk.test", "--name", "x", "--days", "366")]
    [InlineData(1, "tokens", "create", "viewer@vendorrisk.test", "--name", "x", "--days", "0")]
    [InlineData(1, "tokens", "create", "nobody@vendorrisk.test", "--name", "x")]
    [InlineData(2, "tokens", "create", "viewer@vendorrisk.test", "--name", "x", "--days", "many")]
    [InlineData(2, "tokens", "create", "viewer@vendorrisk.test")]
    [InlineData(2, "tokens", "list")]
    public async Task Tokens_create_refuses_bad_input(int expected, params string[] args)
    {
        var result = await CliRunner.RunAsync(app.Services, args);
        Assert.Equal(expected, result.ExitCode);
        Assert.Empty(result.Out);
    }
}
