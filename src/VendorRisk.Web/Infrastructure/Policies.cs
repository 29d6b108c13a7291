using Microsoft.AspNetCore.Authorization;

namespace VendorRisk.Web.Infrastructure;

/// <summary>One policy per role, named as the role; each admits that role and every role above it.</summary>
public static class Policies
{
    public const string Viewer = Roles.Viewer;
    public const string Assessor = Roles.Assessor;
    public const string Reviewer = Roles.Reviewer;
    public const string Admin = Roles.Admin;

    public static void AddVendorRiskPolicies(this AuthorizationOptions options)
    {
        foreach (var role in Roles.All)
        {
            options.AddPolicy(role, policy => policy
                .RequireAuthenticatedUser()
                .RequireAssertion(context => Roles.Includes(context.User.FindFirst(System.Security.Claims.ClaimTypes.Role)?.Value, role)));
        }

        // Anything not marked otherwise needs a signed-in user; the public exceptions are in PublicEndpoints.
        options.FallbackPolicy = options.GetPolicy(Viewer);
    }
}

/// <summary>
/// The only things reachable without signing in. Kept in one place; the authorization
/// matrix test reads this list.
/// </summary>
public static class PublicEndpoints
{
    public const string Login = "/account/login";
    public const string Logout = "/account/logout";
    public const string AccessDenied = "/account/access-denied";
    public const string Lockout = "/account/lockout";
    public const string Setup = "/setup";
    public const string Health = "/health";
    public const string OpenApi = "/openapi/v1.json";
    public const string NotFound = "/not-found";

    /// <summary>The vendor portal's notices for a link that does not open (its questionnaire needs the portal's own cookie).</summary>
    public const string PortalUnavailable = Features.Portal.PortalPaths.Unavailable;
    public const string PortalExpired = Features.Portal.PortalPaths.Expired;

    public static readonly IReadOnlyList<string> Pages = [Login, AccessDenied, Lockout, Setup, NotFound, PortalUnavailable, PortalExpired];
    public static readonly IReadOnlyList<string> Endpoints = [Logout, Health, OpenApi];
}
