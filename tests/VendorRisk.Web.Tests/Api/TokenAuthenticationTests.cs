using System.Net;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VendorRisk.Data.Entities;
using VendorRisk.Domain.Common;
using VendorRisk.Web.Features.Api;
using VendorRisk.Web.Features.Tokens;
using VendorRisk.Web.Infrastructure;
using VendorRisk.Web.Features.Users;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Api;

public sealed class TokenAuthenticationTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private const string Probe = "/api/v1/assessments/999999";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_request_without_a_token_is_401_problem_json()
    {
        using var client = app.ApiClient(null);
        var response = await client.GetAsync(Probe, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(401, (await response.ReadJsonAsync()).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task A_made_up_token_is_401()
    {
        using var client = app.ApiClient("vr_" + new string('A', 43));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(Probe, Ct)).StatusCode);
    }

    [Fact]
    public async Task A_signed_in_cookie_does_not_open_the_api()
    {
        using var client = await app.SignedInClientAsync(Roles.Admin);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(Probe, Ct)).StatusCode);
    }

    [Fact]
    public async Task A_valid_token_authenticates_and_an_unknown_id_is_404_problem_json()
    {
        using var client = await app.ApiClientAsync(Roles.Viewer);
        var response = await client.GetAsync(Probe, Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_expired_token_is_401()
    {
        var token = await app.CreateTokenAsync(Roles.Viewer, "soon expired");
        await using (var db = await app.CreateDbContextAsync())
        {
            var hash = TokenService.Hash(token);
            await db.ApiTokens.Where(t => t.TokenHash == hash).ExecuteUpdateAsync(s => s.SetProperty(t => t.ExpiresAt, DateTime.UtcNow.AddMinutes(-1)), Ct);
        }
        using var client = app.ApiClient(token);
        var response = await client.GetAsync(Probe, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("expired", (await response.ReadJsonAsync()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_revoked_token_is_401_at_once()
    {
        await using var scope = app.ScopeAs(Roles.Assessor);
        var tokens = scope.ServiceProvider.GetRequiredService<TokenService>();
        var created = await tokens.CreateAsync("to revoke", cancellationToken: Ct);
        using var client = app.ApiClient(created.Token);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Probe, Ct)).StatusCode);

        await tokens.RevokeAsync(created.Summary.Id, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(Probe, Ct)).StatusCode);
    }

    [Fact]
    public async Task A_disabled_users_token_stops_at_once_even_if_not_revoked()
    {
        await using var scope = app.ScopeAs(Roles.Admin);
        var users = scope.ServiceProvider.GetRequiredService<UserService>();
        var user = await users.CreateAsync(new CreateUserRequest("to-disable@vendorrisk.test", "To disable", Roles.Viewer, WebAppFixture.Password), Ct);
        var token = (await scope.ServiceProvider.GetRequiredService<TokenService>().CreateAsSystemAsync(user.User.Id, "t", 30)).Token;
        using var client = app.ApiClient(token);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Probe, Ct)).StatusCode);

        // Only the flag, as the command line sets it: the handler itself must refuse.
        await users.SetDisabledAsSystemAsync(user.User.Id, true);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(Probe, Ct)).StatusCode);
    }

    [Fact]
    public async Task A_use_case_acts_as_the_user_the_token_check_read_without_reading_them_again()
    {
        // No such user row: reading the user again would find no one and refuse.
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, "not-in-the-database"), new Claim(ClaimTypes.Name, "Checked Assessor"), new Claim(ClaimTypes.Role, Roles.Assessor)],
            ApiTokenAuthenticationHandler.SchemeName));
        var checkedActor = ApiTokenAuthenticationHandler.CheckedActor(principal);
        Assert.Equal(new Actor("not-in-the-database", "Checked Assessor", Roles.Assessor), checkedActor);
        await using var scope = app.Services.CreateAsyncScope();
        var currentUser = scope.ServiceProvider.GetRequiredService<CurrentUser>();
        currentUser.UseCheckedActor(principal, checkedActor!);

        Assert.Equal(checkedActor, await currentUser.RequireAsync(Roles.Assessor, "edit assessments", Ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => currentUser.RequireAsync(Roles.Admin, "manage users", Ct));
    }

    [Fact]
    public void Only_a_principal_of_the_token_scheme_carries_a_checked_user()
    {
        var cookie = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, "someone"), new Claim(ClaimTypes.Name, "Someone"), new Claim(ClaimTypes.Role, Roles.Admin)], "Identity.Application"));
        Assert.Null(ApiTokenAuthenticationHandler.CheckedActor(cookie));
    }

    [Fact]
    public async Task Tokens_are_stored_only_as_a_hash_and_a_prefix()
    {
        var token = await app.CreateTokenAsync(Roles.Viewer, "stored");
        Assert.StartsWith("vr_", token);
        Assert.Equal(3 + 43, token.Length);
        await using var db = await app.CreateDbContextAsync();
        var row = await db.ApiTokens.SingleAsync(t => t.TokenHash == TokenService.Hash(token), Ct);
        Assert.Equal(token[..10], row.Prefix);
        Assert.DoesNotContain(await db.ApiTokens.Select(t => t.TokenHash).ToListAsync(Ct), h => h.Contains(token[3..], StringComparison.Ordinal));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == "api-token" && a.EntityId == row.Id.ToString(), Ct));
    }

    [Fact]
    public async Task A_token_lives_1_to_365_days()
    {
        await using var scope = app.ScopeAs(Roles.Viewer);
        var tokens = scope.ServiceProvider.GetRequiredService<TokenService>();
        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => tokens.CreateAsync("long", 366, Ct));
        Assert.Contains("days", error.Errors.Keys);
        await Assert.ThrowsAsync<ValidationFailedException>(() => tokens.CreateAsync(" ", 30, Ct));
        var created = await tokens.CreateAsync("default", cancellationToken: Ct);
        Assert.Equal(90, Math.Round((created.Summary.ExpiresAt - created.Summary.CreatedAt).TotalDays));
    }

    [Fact]
    public async Task A_user_cannot_revoke_someone_elses_token_but_an_admin_can()
    {
        var created = await CreateAsync(Roles.Assessor, "theirs");
        await using (var viewer = app.ScopeAs(Roles.Viewer))
            await Assert.ThrowsAsync<NotFoundException>(() => viewer.ServiceProvider.GetRequiredService<TokenService>().RevokeAsync(created.Summary.Id, Ct));
        await using (var viewer = app.ScopeAs(Roles.Viewer))
            await Assert.ThrowsAsync<ForbiddenException>(() => viewer.ServiceProvider.GetRequiredService<TokenService>().RevokeAnyAsync(created.Summary.Id, Ct));
        await using (var admin = app.ScopeAs(Roles.Admin))
        {
            var tokens = admin.ServiceProvider.GetRequiredService<TokenService>();
            await tokens.RevokeAnyAsync(created.Summary.Id, Ct);
            var listed = await tokens.ListForUserAsync(app.UserIdOf(Roles.Assessor), Ct);
            Assert.NotNull(listed.Single(t => t.Id == created.Summary.Id).RevokedAt);
        }
    }

    [Fact]
    public async Task The_token_acts_with_the_users_current_role()
    {
        await using var scope = app.ScopeAs(Roles.Admin);
        var users = scope.ServiceProvider.GetRequiredService<UserService>();
        var user = await users.CreateAsync(new CreateUserRequest("role-change@vendorrisk.test", "Role change", Roles.Admin, WebAppFixture.Password), Ct);
        var token = (await scope.ServiceProvider.GetRequiredService<TokenService>().CreateAsSystemAsync(user.User.Id, "t", 30)).Token;
        await users.SetRoleAsSystemAsync(user.User.Id, Roles.Viewer);

        using var client = app.ApiClient(token);
        var response = await client.GetAsync(Probe, Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await using var db = await app.CreateDbContextAsync();
        Assert.NotNull((await db.ApiTokens.SingleAsync(t => t.TokenHash == TokenService.Hash(token), Ct)).LastUsedAt);
    }

    private async Task<CreatedApiToken> CreateAsync(string role, string name)
    {
        await using var scope = app.ScopeAs(role);
        return await scope.ServiceProvider.GetRequiredService<TokenService>().CreateAsync(name, cancellationToken: Ct);
    }
}
