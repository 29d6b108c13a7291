using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VendorRisk.Data.Entities;
using VendorRisk.Web.Features.Users;
using VendorRisk.Web.Infrastructure;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Security;

/// <summary>Revalidates on every request, so a disabled user's next request is refused.</summary>
public sealed class FastRevalidationFixture : WebAppFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?> { ["VendorRisk:RevalidationSeconds"] = "0" };
}

public sealed class SignInSecurityTests(FastRevalidationFixture app) : IClassFixture<FastRevalidationFixture>
{
    private async Task<string> CreateUserAsync(string email)
    {
        await using var scope = app.ScopeAs(Roles.Admin);
        var created = await scope.ServiceProvider.GetRequiredService<UserService>()
            .CreateAsync(new CreateUserRequest(email, "Someone", Roles.Assessor, WebAppFixture.Password), TestContext.Current.CancellationToken);
        return created.User.Id;
    }

    [Fact]
    public async Task Five_failures_lock_the_account_and_the_sixth_attempt_with_the_right_password_is_refused()
    {
        var email = $"lockout-{Guid.NewGuid():n}@vendorrisk.test";
        var userId = await CreateUserAsync(email);
        using var client = app.CreateRawClient();

        for (var i = 0; i < 5; i++)
        {
            var failed = await WebAppFixture.PostLoginAsync(client, email, "not the password at all");
            Assert.NotEqual("/", failed.Headers.Location?.OriginalString);
        }
        var sixth = await WebAppFixture.PostLoginAsync(client, email, WebAppFixture.Password);

        // Locked answers like every other refusal (issue 21 item 6): the form again, with the one message.
        Assert.Equal(HttpStatusCode.OK, sixth.StatusCode);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(VendorRisk.Web.Features.Account.SignInGuard.FailureMessage), await sixth.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/", TestContext.Current.CancellationToken)).StatusCode);

        await using var db = await app.CreateDbContextAsync();
        var failures = await db.AuditEntries.CountAsync(e => e.UserId == userId && e.Action == "sign-in-failed" || e.UserId == userId && e.Action == "lockout", TestContext.Current.CancellationToken);
        Assert.True(failures >= 5, $"expected an audit entry per failure, found {failures}");
        Assert.True(await db.AuditEntries.AnyAsync(e => e.UserId == userId && e.Action == "lockout", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task An_unknown_email_is_refused_like_a_wrong_password_and_audited_as_a_failed_sign_in()
    {
        var email = $"nobody-{Guid.NewGuid():n}@vendorrisk.test";
        using var client = app.CreateRawClient();

        var refused = await WebAppFixture.PostLoginAsync(client, email, "any password at all");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(VendorRisk.Web.Features.Account.SignInGuard.FailureMessage), await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        await using var db = await app.CreateDbContextAsync();
        var entry = await db.AuditEntries.SingleAsync(e => e.Action == "sign-in-failed" && e.UserName == email, TestContext.Current.CancellationToken);
        Assert.Equal($"Sign-in failed for unknown email {email}", entry.Summary);
        Assert.True(entry.IsSecurityEvent);
    }

    [Fact]
    public async Task A_disabled_users_next_request_after_revalidation_is_refused()
    {
        var email = $"disabled-{Guid.NewGuid():n}@vendorrisk.test";
        var userId = await CreateUserAsync(email);
        using var client = await app.SignInAsync(email, WebAppFixture.Password);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/", TestContext.Current.CancellationToken)).StatusCode);

        await using (var scope = app.ScopeAs(Roles.Admin))
            await scope.ServiceProvider.GetRequiredService<UserService>().SetDisabledAsync(userId, true, TestContext.Current.CancellationToken);

        var response = await client.GetAsync("/", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.OriginalString);
        var again = await WebAppFixture.PostLoginAsync(app.CreateRawClient(), email, WebAppFixture.Password);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode); // the form again, with the message every refusal gets (issue 21 item 6)
        Assert.Contains(System.Net.WebUtility.HtmlEncode(VendorRisk.Web.Features.Account.SignInGuard.FailureMessage), await again.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task An_open_circuit_keeps_its_user_until_the_account_is_disabled_or_its_stamp_changes()
    {
        var check = app.Services.GetRequiredService<CircuitUserCheck>();
        var ct = TestContext.Current.CancellationToken;
        async Task<(string Id, ClaimsPrincipal Principal)> SignedInAsync(string prefix)
        {
            var id = await CreateUserAsync($"{prefix}-{Guid.NewGuid():n}@vendorrisk.test");
            await using var scope = app.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<ApplicationUser>>();
            return (id, await signIn.CreateUserPrincipalAsync((await users.FindByIdAsync(id))!));
        }

        var (disabledId, disabled) = await SignedInAsync("circuit-disabled");
        var (stampedId, stamped) = await SignedInAsync("circuit-stamp");
        var (removedId, removed) = await SignedInAsync("circuit-removed");
        Assert.True(await check.IsStillValidAsync(disabled, ct));
        Assert.True(await check.IsStillValidAsync(stamped, ct));

        await using (var scope = app.ScopeAs(Roles.Admin))
            await scope.ServiceProvider.GetRequiredService<UserService>().SetDisabledAsync(disabledId, true, ct);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            await users.UpdateSecurityStampAsync((await users.FindByIdAsync(stampedId))!);
        }
        await using (var db = await app.CreateDbContextAsync())
            await db.Users.Where(u => u.Id == removedId).ExecuteDeleteAsync(ct);

        Assert.False(await check.IsStillValidAsync(disabled, ct));
        Assert.False(await check.IsStillValidAsync(stamped, ct));
        Assert.False(await check.IsStillValidAsync(removed, ct));
        Assert.False(await check.IsStillValidAsync(new ClaimsPrincipal(new ClaimsIdentity()), ct));
    }

    [Fact]
    public async Task A_common_or_short_password_is_refused()
    {
        await using var scope = app.ScopeAs(Roles.Admin);
        var users = scope.ServiceProvider.GetRequiredService<UserService>();

        var shortOne = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            users.CreateAsync(new CreateUserRequest($"p1-{Guid.NewGuid():n}@vendorrisk.test", "", Roles.Viewer, "short pass"), TestContext.Current.CancellationToken));
        var common = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            users.CreateAsync(new CreateUserRequest($"p2-{Guid.NewGuid():n}@vendorrisk.test", "", Roles.Viewer, "qwertyuiop123"), TestContext.Current.CancellationToken));

        Assert.Contains("12 characters", shortOne.Message);
        Assert.Contains("too common", common.Message);
    }
}
