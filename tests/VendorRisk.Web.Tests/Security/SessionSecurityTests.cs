using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using VendorRisk.Data.Entities;
using VendorRisk.Web.Features.Account;
using VendorRisk.Web.Features.Users;
using VendorRisk.Web.Infrastructure;
using VendorRisk.Web.Tests.Api;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Security;

/// <summary>Issue 21 item 2: a session ends on the server — at sign-out, a new password, a role change or a disable — for the very next request.</summary>
public sealed class SessionSecurityTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(string Id, string Email)> CreateUserAsync(string role)
    {
        var email = $"session-{Guid.NewGuid():n}@vendorrisk.test";
        await using var scope = app.ScopeAs(Roles.Admin);
        var created = await scope.ServiceProvider.GetRequiredService<UserService>()
            .CreateAsync(new CreateUserRequest(email, "Session user", role, WebAppFixture.Password), Ct);
        return (created.User.Id, email);
    }

    /// <summary>A second browser holding a copy of the first one's cookies, as a thief would.</summary>
    private HttpClient Replay(CookieContainer original)
    {
        var copy = new CookieContainer();
        foreach (Cookie cookie in original.GetCookies(app.BaseAddress))
            copy.Add(app.BaseAddress, new Cookie(cookie.Name, cookie.Value, cookie.Path));
        return app.CreateRawClient(copy);
    }

    private async Task<(HttpClient Client, CookieContainer Cookies)> SignInAsync(string email)
    {
        var cookies = new CookieContainer();
        var client = app.CreateRawClient(cookies);
        var response = await WebAppFixture.PostLoginAsync(client, email, WebAppFixture.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (client, cookies);
    }

    private static async Task AssertSentToSignInAsync(HttpClient client, string path = "/vendors")
    {
        var response = await client.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(PublicEndpoints.Login, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Item2_a_cookie_saved_before_sign_out_no_longer_opens_anything()
    {
        var (_, email) = await CreateUserAsync(Roles.Viewer);
        var (client, cookies) = await SignInAsync(email);
        using var thief = Replay(cookies);
        Assert.Equal(HttpStatusCode.OK, (await thief.GetAsync("/vendors", Ct)).StatusCode);

        var token = await WebAppFixture.AntiforgeryTokenAsync(client, "/account/sign-out");
        var signOut = await client.PostAsync(PublicEndpoints.Logout, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }), Ct);
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        await AssertSentToSignInAsync(thief);
        client.Dispose();
    }

    [Fact]
    public async Task Item2_a_role_change_ends_the_session_at_the_very_next_request()
    {
        var (id, email) = await CreateUserAsync(Roles.Admin);
        var (client, _) = await SignInAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/users", Ct)).StatusCode);

        await using (var scope = app.ScopeAs(Roles.Admin))
            await scope.ServiceProvider.GetRequiredService<UserService>().SetRoleAsync(id, Roles.Viewer, Ct);

        // The role is part of the session: a new role means signing in again (and then getting only the new role's pages).
        await AssertSentToSignInAsync(client, "/users");
        client.Dispose();
    }

    [Fact]
    public async Task Item2_disabling_a_user_ends_their_session_at_the_next_request()
    {
        var (id, email) = await CreateUserAsync(Roles.Assessor);
        var (client, _) = await SignInAsync(email);

        await using (var scope = app.ScopeAs(Roles.Admin))
            await scope.ServiceProvider.GetRequiredService<UserService>().SetDisabledAsync(id, true, Ct);

        await AssertSentToSignInAsync(client);
        client.Dispose();
    }

    [Fact]
    public async Task Item2_a_new_password_ends_the_sessions_that_used_the_old_one()
    {
        var (id, email) = await CreateUserAsync(Roles.Assessor);
        var (client, _) = await SignInAsync(email);

        await using (var scope = app.ScopeAs(Roles.Admin))
            await scope.ServiceProvider.GetRequiredService<UserService>().ResetPasswordAsync(id, "another long passphrase 77", Ct);

        await AssertSentToSignInAsync(client);
        client.Dispose();
    }

    [Fact]
    public async Task Item10_a_forged_host_header_is_not_echoed_into_the_sign_in_redirect()
    {
        using var client = app.CreateRawClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/vendors");
        request.Headers.Host = "evil.example.com";

        var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain("evil.example.com", response.Headers.Location!.OriginalString);
        Assert.StartsWith(PublicEndpoints.Login, response.Headers.Location.OriginalString);
    }

    [Fact]
    public async Task Item10_behind_a_trusted_https_proxy_the_antiforgery_cookie_is_secure()
    {
        using var client = app.CreateRawClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, PublicEndpoints.Login);
        request.Headers.Add("X-Forwarded-Proto", "https");

        var response = await client.SendAsync(request, Ct);

        var antiforgery = response.Headers.GetValues("Set-Cookie").Single(c => c.Contains("Antiforgery", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("secure", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", antiforgery, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Item10_signed_in_pages_and_downloads_are_not_stored_by_caches()
    {
        using var client = await app.SignedInClientAsync(Roles.Viewer);

        var page = await client.GetAsync("/vendors", Ct);

        Assert.True(page.Headers.CacheControl?.NoStore, $"Cache-Control: {page.Headers.CacheControl}");
    }
}

/// <summary>At most five sign-in posts a minute from one address.</summary>
public sealed class LowSignInLimitFixture : WebAppFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?> { ["VendorRisk:SignIn:AttemptsPerMinute"] = "5" };
}

/// <summary>Issue 21 item 5: a password spray across many accounts from one client is throttled with 429 and Retry-After.</summary>
public sealed class SignInThrottleTests(LowSignInLimitFixture app) : IClassFixture<LowSignInLimitFixture>
{
    [Fact]
    public async Task Item5_sign_in_posts_over_the_per_client_limit_get_429_with_retry_after_whatever_the_account()
    {
        using var client = app.CreateRawClient();
        for (var i = 0; i < 5; i++)
        {
            var allowed = await WebAppFixture.PostLoginAsync(client, $"spray-{i}@vendorrisk.test", "a guessed password");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        var refused = await WebAppFixture.PostLoginAsync(client, "spray-5@vendorrisk.test", "a guessed password");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"Retry-After: {refused.Headers.RetryAfter}");
        // Showing the form is not limited: a person can still read the page.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(PublicEndpoints.Login, TestContext.Current.CancellationToken)).StatusCode);
    }
}

/// <summary>Counts password-hash checks across the app.</summary>
public sealed class CountingHasherFixture : WebAppFixture
{
    public HashCounter Counter { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddScoped<IPasswordHasher<ApplicationUser>>(_ => new CountingHasher(Counter)));
    }

    public sealed class HashCounter
    {
        private int _verifications;
        public int Verifications => Volatile.Read(ref _verifications);
        public void Add() => Interlocked.Increment(ref _verifications);
    }

    private sealed class CountingHasher(HashCounter counter) : PasswordHasher<ApplicationUser>
    {
        public override PasswordVerificationResult VerifyHashedPassword(ApplicationUser user, string hashedPassword, string providedPassword)
        {
            counter.Add();
            return base.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}

/// <summary>
/// Issue 21 item 6 (and issue 13 item 12): an unknown e-mail, a wrong password, a disabled and a locked account
/// get the same page, the same message and the same work (one password-hash check), so none of them tells
/// which e-mail addresses have accounts.
/// </summary>
public sealed class AccountEnumerationTests(CountingHasherFixture app) : IClassFixture<CountingHasherFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<string> CreateUserAsync(Func<UserManager<ApplicationUser>, ApplicationUser, Task>? change = null)
    {
        var email = $"enum-{Guid.NewGuid():n}@vendorrisk.test";
        await using var scope = app.ScopeAs(Roles.Admin);
        var created = await scope.ServiceProvider.GetRequiredService<UserService>()
            .CreateAsync(new CreateUserRequest(email, "Enum user", Roles.Viewer, WebAppFixture.Password), Ct);
        if (change is not null)
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            await change(users, (await users.FindByIdAsync(created.User.Id))!);
        }
        return email;
    }

    private async Task<(HttpStatusCode Status, string? Location, string Alert, int Hashes)> AttemptAsync(string email, string password)
    {
        using var client = app.CreateRawClient();
        var token = await WebAppFixture.AntiforgeryTokenAsync(client, PublicEndpoints.Login);
        var before = app.Counter.Verifications;
        var response = await client.PostAsync(PublicEndpoints.Login, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }), Ct);
        var hashes = app.Counter.Verifications - before;
        var html = await response.Content.ReadAsStringAsync(Ct);
        var alert = Regex.Match(html, "role=\"alert\">([^<]*)<").Groups[1].Value;
        return (response.StatusCode, response.Headers.Location?.OriginalString, WebUtility.HtmlDecode(alert), hashes);
    }

    [Fact]
    public async Task Item6_unknown_wrong_disabled_and_locked_answer_alike_and_cost_one_hash_each()
    {
        var known = await CreateUserAsync();
        var disabled = await CreateUserAsync(async (users, user) =>
        {
            user.IsDisabled = true;
            await users.UpdateAsync(user);
        });
        var locked = await CreateUserAsync((users, user) => users.SetLockoutEndDateAsync(user, DateTimeOffset.UtcNow.AddMinutes(15)));

        var attempts = new Dictionary<string, (HttpStatusCode Status, string? Location, string Alert, int Hashes)>
        {
            ["unknown"] = await AttemptAsync($"nobody-{Guid.NewGuid():n}@vendorrisk.test", "a guessed password"),
            ["wrong password"] = await AttemptAsync(known, "a guessed password"),
            ["disabled, right password"] = await AttemptAsync(disabled, WebAppFixture.Password),
            ["locked, right password"] = await AttemptAsync(locked, WebAppFixture.Password),
        };

        foreach (var (what, attempt) in attempts)
        {
            Assert.True(attempt.Status == HttpStatusCode.OK && attempt.Location is null, $"{what}: {(int)attempt.Status} {attempt.Location}");
            Assert.True(attempt.Hashes == 1, $"{what}: {attempt.Hashes} password-hash checks");
            Assert.Equal(SignInGuard.FailureMessage, attempt.Alert);
        }
    }
}

/// <summary>A clock that can be made to fail, to make any request fail deep inside the app.</summary>
public sealed class FailingClockFixture : WebAppFixture
{
    public SwitchableClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public sealed class SwitchableClock : TimeProvider
    {
        public volatile bool Fail;

        public override DateTimeOffset GetUtcNow() => Fail ? throw new InvalidOperationException("The clock failed (test).") : base.GetUtcNow();
    }
}

/// <summary>Issue 21 item 1: the error pipeline itself answers with problem details, for any method, without a stack trace.</summary>
public sealed class ErrorPipelineTests(FailingClockFixture app) : IClassFixture<FailingClockFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Item1_a_failure_in_an_api_put_is_a_500_problem_without_stack_trace_or_token()
    {
        var token = await app.CreateTokenAsync(Roles.Assessor);
        using var client = app.ApiClient(token);
        app.Clock.Fail = true;
        try
        {
            var response = await client.PutAsync("/api/v1/assessments/1/answers", ApiTestSupport.Json("""{ "answers": [] }"""), Ct);

            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var body = await response.Content.ReadAsStringAsync(Ct);
            Assert.DoesNotContain("   at ", body);
            Assert.DoesNotContain(token, body);
        }
        finally
        {
            app.Clock.Fail = false;
        }
    }

    [Fact]
    public async Task Item1_a_failure_in_a_form_post_is_a_500_problem_not_a_405_from_re_executing_the_error_page()
    {
        using var client = await app.SignedInClientAsync(Roles.Viewer);
        var token = await WebAppFixture.AntiforgeryTokenAsync(client, "/account/sign-out");
        app.Clock.Fail = true;
        try
        {
            var response = await client.PostAsync(PublicEndpoints.Logout, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }), Ct);

            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.DoesNotContain("   at ", await response.Content.ReadAsStringAsync(Ct));
        }
        finally
        {
            app.Clock.Fail = false;
        }
    }
}
