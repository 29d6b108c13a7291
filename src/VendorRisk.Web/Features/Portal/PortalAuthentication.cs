using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using VendorRisk.Web.Infrastructure.RequestLimits;

namespace VendorRisk.Web.Features.Portal;

/// <summary>
/// The portal's own sign-in, apart from the app's (docs/decisions/0020-portal-authentication-and-staged-vendor-answers.md):
/// the link's token is exchanged once per visit for a short-lived cookie whose path is <see cref="PortalPaths.Root"/>,
/// read only by this scheme. App pages and /api never use this scheme, so the cookie opens nothing there.
/// </summary>
public static class PortalAuthentication
{
    public const string Scheme = "VendorPortal";
    public const string Policy = "VendorPortal";
    public const string InvitationClaim = "portal-invitation";
    public const string CookieName = ".VendorRisk.Portal";
    public const string OpenLimit = "portal-open";
    public const string LinkLimit = "portal-link";

    public static IServiceCollection AddPortalAuthentication(this IServiceCollection services)
    {
        services.AddOptions<PortalOptions>().BindConfiguration(PortalOptions.Section);
        services.AddAuthentication().AddCookie(Scheme, cookie =>
        {
            cookie.Cookie.Name = CookieName;
            cookie.Cookie.Path = PortalPaths.Root;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.SlidingExpiration = true;
            cookie.LoginPath = PortalPaths.Unavailable;
            cookie.AccessDeniedPath = PortalPaths.Unavailable;
            cookie.ReturnUrlParameter = "_";
            cookie.Events.OnValidatePrincipal = ValidateAsync;
        });
        services.AddOptions<CookieAuthenticationOptions>(Scheme).Configure<IOptions<PortalOptions>>((cookie, portal) =>
            cookie.ExpireTimeSpan = TimeSpan.FromMinutes(Math.Clamp(portal.Value.SessionMinutes, 5, 24 * 60)));
        services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy
            .AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser().RequireClaim(InvitationClaim));
        services.Configure<RequestLimitOptions>(o =>
        {
            o.AddPolicy(OpenLimit, context => RequestLimit.PerMinute("address:" + context.Connection.RemoteIpAddress,
                context.RequestServices.GetRequiredService<IOptions<PortalOptions>>().Value.OpeningsPerMinute), PortalThrottle.WriteRefusalAsync);
            o.AddPolicy(LinkLimit, context => RequestLimit.PerMinute(
                InvitationIdOf(context.User) is { } id ? $"link:{id}" : "address:" + context.Connection.RemoteIpAddress,
                context.RequestServices.GetRequiredService<IOptions<PortalOptions>>().Value.RequestsPerMinutePerLink), PortalThrottle.WriteRefusalAsync);
        });
        return services;
    }

    public static ClaimsPrincipal PrincipalFor(int invitationId) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, $"portal-invitation:{invitationId}"), new Claim(InvitationClaim, invitationId.ToString(System.Globalization.CultureInfo.InvariantCulture))],
        Scheme));

    public static int? InvitationIdOf(ClaimsPrincipal? user) =>
        user?.Identity?.AuthenticationType == Scheme && int.TryParse(user.FindFirstValue(InvitationClaim), out var id) ? id : null;

    public static Task SignInAsync(HttpContext context, int invitationId) =>
        context.SignInAsync(Scheme, PrincipalFor(invitationId));

    /// <summary>A revoked or expired link ends the session at its next request, not when the cookie runs out.</summary>
    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        if (InvitationIdOf(context.Principal) is not { } id)
        {
            context.RejectPrincipal();
            return;
        }
        var services = context.HttpContext.RequestServices;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        await using var db = await services.GetRequiredService<IDbContextFactory<VendorRiskDbContext>>().CreateDbContextAsync(context.HttpContext.RequestAborted);
        var invitation = await db.PortalInvitations.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, context.HttpContext.RequestAborted);
        if (invitation is null || InvitationStatuses.Of(invitation, now) is InvitationStatus.Revoked or InvitationStatus.Expired)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(Scheme);
        }
    }
}
