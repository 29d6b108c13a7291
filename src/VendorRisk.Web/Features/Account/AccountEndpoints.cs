using System.Security.Claims;
using Microsoft.AspNetCore.Identity;

namespace VendorRisk.Web.Features.Account;

public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(PublicEndpoints.Logout, async (HttpContext context, SignInManager<ApplicationUser> signIn, UserManager<ApplicationUser> users,
            SecurityAudit audit, Microsoft.AspNetCore.Antiforgery.IAntiforgery antiforgery) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
                return Results.BadRequest();
            if (context.User.Identity?.IsAuthenticated == true)
            {
                await audit.WriteAsync(context.User.FindFirstValue(ClaimTypes.NameIdentifier), context.User.Identity.Name ?? "", "sign-out", "Signed out");
                // A new security stamp ends the session on the server: a copy of the cookie kept from before
                // sign-out is refused at its next request (and the user's other sessions with it).
                if (await users.GetUserAsync(context.User) is { } user)
                    await users.UpdateSecurityStampAsync(user);
                await signIn.SignOutAsync();
            }
            return Results.LocalRedirect(PublicEndpoints.Login);
        }).AllowAnonymous();
    }
}
