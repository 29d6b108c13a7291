using Microsoft.AspNetCore.Identity;

namespace VendorRisk.Web.Features.Account;

/// <summary>
/// Signs a user in with e-mail and password and writes the security audit entry of the outcome. Unknown, wrong
/// password, disabled or locked: one answer and one password hash each, so neither the answer nor its timing tells
/// which e-mail addresses have an account.
/// </summary>
public sealed class PasswordSignIn(
    SignInManager<ApplicationUser> signInManager, UserManager<ApplicationUser> userManager, SignInGuard guard, SecurityAudit audit)
{
    /// <returns>Whether the user is now signed in (the sign-in cookie is set on the response).</returns>
    public async Task<bool> SignInAsync(string email, string password, bool rememberMe)
    {
        email = email.Trim();
        var user = await userManager.FindByEmailAsync(email);
        if (user is null)
        {
            guard.SpendHashOnUnknownUser(password);
            await audit.WriteAsync(null, email, "sign-in-failed", $"Sign-in failed for unknown email {email}");
            return false;
        }

        // Identity refuses these two before it checks the password; the guard checks it anyway.
        var refusedUnchecked = user.IsDisabled || await userManager.IsLockedOutAsync(user);
        var result = await signInManager.PasswordSignInAsync(user, password, rememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await audit.WriteAsync(user.Id, user.Email ?? email, "sign-in", "Signed in");
            return true;
        }

        if (refusedUnchecked)
            guard.SpendHashOnRefusedUser(user, password);
        var (action, detail) = user.IsDisabled ? ("sign-in-failed", "Sign-in refused: account disabled")
            : refusedUnchecked ? ("sign-in-failed", "Sign-in refused: account locked out")
            : result.IsLockedOut ? ("lockout", "Account locked out after repeated failed sign-ins")
            : ("sign-in-failed", "Sign-in failed: wrong password");
        await audit.WriteAsync(user.Id, user.Email ?? email, action, detail);
        return false;
    }
}
