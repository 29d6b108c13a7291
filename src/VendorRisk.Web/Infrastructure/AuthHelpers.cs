using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;

namespace VendorRisk.Web.Infrastructure;

/// <summary>
/// Over HTTPS (direct, or through a trusted proxy's forwarded headers) the auth cookie is
/// <c>Secure</c> and carries the <c>__Host-</c> prefix; over plain HTTP (local use, tests) a
/// browser would refuse such a cookie, so it keeps its plain name.
/// </summary>
internal sealed class HostPrefixCookieManager : ICookieManager
{
    private readonly ChunkingCookieManager _inner = new();

    public static string NameFor(HttpContext context, string key) =>
        context.Request.IsHttps ? "__Host-" + key.TrimStart('.') : key;

    public string? GetRequestCookie(HttpContext context, string key) =>
        _inner.GetRequestCookie(context, NameFor(context, key));

    public void AppendResponseCookie(HttpContext context, string key, string? value, CookieOptions options) =>
        _inner.AppendResponseCookie(context, NameFor(context, key), value, Harden(context, options));

    public void DeleteCookie(HttpContext context, string key, CookieOptions options) =>
        _inner.DeleteCookie(context, NameFor(context, key), Harden(context, options));

    private static CookieOptions Harden(HttpContext context, CookieOptions options)
    {
        if (context.Request.IsHttps)
        {
            options.Secure = true;
            options.Path = "/";
            options.Domain = null;
        }
        return options;
    }
}

/// <summary>API callers get 401/403, not a redirect to an HTML page.</summary>
internal static class ApiAwareRedirects
{
    public static Task ToLogin(RedirectContext<CookieAuthenticationOptions> context) =>
        Respond(context, StatusCodes.Status401Unauthorized);

    public static Task ToAccessDenied(RedirectContext<CookieAuthenticationOptions> context) =>
        Respond(context, StatusCodes.Status403Forbidden);

    private static Task Respond(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        // A path, not the absolute URI the handler builds from the request's Host header: a forged Host never comes back.
        var uri = new Uri(context.RedirectUri, UriKind.RelativeOrAbsolute);
        context.Response.Redirect(uri.IsAbsoluteUri ? uri.PathAndQuery : context.RedirectUri);
        return Task.CompletedTask;
    }
}

/// <summary>Re-checks the security stamp of a connected circuit every minute, so a disabled user is cut off.</summary>
internal sealed class RevalidatingAuthenticationStateProvider(ILoggerFactory loggerFactory, CircuitUserCheck check, VendorRiskOptions appOptions)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => appOptions.RevalidationInterval < TimeSpan.FromSeconds(5) ? TimeSpan.FromSeconds(5) : appOptions.RevalidationInterval;

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        check.IsStillValidAsync(authenticationState.User, cancellationToken);
}

/// <summary>
/// Whether a circuit's user still exists, is not disabled and holds the security stamp it signed in with. Every open tab
/// asks once a revalidation interval, so it is one compiled read of two columns from a pooled context: through a scope
/// and <see cref="UserManager{TUser}"/> it read the whole user row, untranslated, the largest managed cost of idle tabs.
/// While the app shuts down the check keeps the user: the database services may already be gone, and a failed check
/// would sign every open tab out and re-render circuits that are being torn down, logging errors on each deploy.
/// </summary>
internal sealed class CircuitUserCheck(IDbContextFactory<VendorRiskDbContext> contexts, IOptions<IdentityOptions> options, IHostApplicationLifetime lifetime)
{
    private sealed record UserStamp(bool IsDisabled, string? SecurityStamp);

    private static readonly CompiledPerModel<Func<VendorRiskDbContext, string, CancellationToken, Task<UserStamp?>>> ReadStamp = new(() =>
        EF.CompileAsyncQuery((VendorRiskDbContext db, string id, CancellationToken _) =>
            db.Users.Where(u => u.Id == id).Select(u => new UserStamp(u.IsDisabled, u.SecurityStamp)).SingleOrDefault()));

    public async Task<bool> IsStillValidAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var claims = options.Value.ClaimsIdentity;
        var id = user.FindFirst(claims.UserIdClaimType)?.Value;
        var principalStamp = user.FindFirst(claims.SecurityStampClaimType)?.Value;
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(principalStamp))
            return false;
        if (lifetime.ApplicationStopping.IsCancellationRequested)
            return true;
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var stored = await ReadStamp.For(db)(db, id, cancellationToken);
            return stored is { IsDisabled: false } && string.Equals(stored.SecurityStamp, principalStamp, StringComparison.Ordinal);
        }
        catch (Exception) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            return true;
        }
    }
}
