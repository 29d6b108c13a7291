using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using VendorRisk.Data.Entities;
using VendorRisk.Web.Features.Audit;
using VendorRisk.Web.Infrastructure;

namespace VendorRisk.Web.Features.Account;

public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(PublicEndpoints.Logout, async (HttpContext context, SignInManager<ApplicationUser> signIn, SecurityAudit audit, Microsoft.AspNetCore.Antiforgery.IAntiforgery antiforgery) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
                return Results.BadRequest();
            if (context.User.Identity?.IsAuthenticated == true)
            {
                await audit.WriteAsync(context.User.FindFirstValue(ClaimTypes.NameIdentifier), context.User.Identity.Name ?? "", "sign-out", "Signed out");
                await signIn.SignOutAsync();
            }
            return Results.LocalRedirect(PublicEndpoints.Login);
        }).AllowAnonymous();
    }
}
