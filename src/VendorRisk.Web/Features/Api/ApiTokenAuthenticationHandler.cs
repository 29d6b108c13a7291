using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using VendorRisk.Web.Features.Tokens;

namespace VendorRisk.Web.Features.Api;

/// <summary>
/// <c>Authorization: Bearer vr_…</c> for /api. Every request looks the token up by its hash and
/// reads the user's current role and disabled flag, so a role change, a disabled user or a
/// revoked token takes effect on the next request. That read is the request's only read of its user
/// (<see cref="CheckedActor"/>); it is a compiled query, as it runs on every API call.
/// </summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IDbContextFactory<VendorRiskDbContext> dbFactory,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";
    public const string TokenIdClaim = "vr:api-token-id";

    /// <summary>LastUsedAt is written at most this often per token: a read per request, not a write.</summary>
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    private static readonly CompiledPerModel<Func<VendorRiskDbContext, string, CancellationToken, Task<TokenRow?>>> FindToken = new(() =>
        EF.CompileAsyncQuery((VendorRiskDbContext db, string hash, CancellationToken _) => db.ApiTokens.AsNoTracking()
            .Where(t => t.TokenHash == hash)
            .Select(t => new TokenRow(t.Id, t.ExpiresAt, t.RevokedAt, t.LastUsedAt, t.UserId, t.User.Role, t.User.IsDisabled, t.User.Email, t.User.DisplayName))
            .SingleOrDefault()));

    private sealed record TokenRow(int Id, DateTime ExpiresAt, DateTime? RevokedAt, DateTime? LastUsedAt, string UserId, string Role,
        bool IsDisabled, string? Email, string? DisplayName);

    /// <summary>The user a principal of this scheme carries, as the token check read them; null for any other principal.</summary>
    public static Actor? CheckedActor(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (principal.Identity?.AuthenticationType != SchemeName)
            return null;
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        var name = principal.FindFirstValue(ClaimTypes.Name);
        var role = principal.FindFirstValue(ClaimTypes.Role);
        return userId is null || name is null || role is null ? null : new Actor(userId, name, role);
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
            return AuthenticateResult.NoResult();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return AuthenticateResult.Fail("The Authorization header is not a Bearer token.");
        var token = header["Bearer ".Length..].Trim();
        if (!token.StartsWith(TokenService.TokenPrefix, StringComparison.Ordinal) || token.Length > 200)
            return AuthenticateResult.Fail("Not a VendorRisk API token.");

        var hash = TokenService.Hash(token);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(Context.RequestAborted);
        var found = await FindToken.For(db)(db, hash, Context.RequestAborted);
        if (found is null)
            return AuthenticateResult.Fail("Unknown API token.");
        if (found.RevokedAt is not null)
            return AuthenticateResult.Fail("The API token was revoked.");
        if (found.ExpiresAt <= now)
            return AuthenticateResult.Fail("The API token has expired.");
        if (found.IsDisabled)
            return AuthenticateResult.Fail("The token's user is disabled.");

        if (found.LastUsedAt is null || now - found.LastUsedAt.Value >= LastUsedResolution)
        {
            var stale = now - LastUsedResolution;
            await db.ApiTokens.Where(t => t.Id == found.Id && (t.LastUsedAt == null || t.LastUsedAt < stale))
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), Context.RequestAborted);
        }

        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, found.UserId),
            new Claim(ClaimTypes.Name, ApplicationUser.ShownName(found.DisplayName, found.Email, found.UserId)),
            new Claim(ClaimTypes.Role, found.Role),
            new Claim(TokenIdClaim, found.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        // Whether a token was revoked, expired or never existed stays in the log, not in the answer.
        var failure = (await HandleAuthenticateOnceSafeAsync()).Failure?.Message;
        if (failure is not null)
            Logger.LogInformation("API token refused: {Reason}", failure);
        Response.Headers.WWWAuthenticate = "Bearer";
        await ApiProblems.WriteAsync(Context, StatusCodes.Status401Unauthorized, "Unauthorized",
            failure is null ? "Send an API token: Authorization: Bearer <token>." : ApiProblems.InvalidTokenMessage);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiProblems.WriteAsync(Context, StatusCodes.Status403Forbidden, "Forbidden", "Your role may not do this.");
}
