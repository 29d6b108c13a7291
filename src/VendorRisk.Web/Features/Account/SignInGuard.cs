using Microsoft.AspNetCore.Identity;

namespace VendorRisk.Web.Features.Account;

/// <summary>
/// Makes every refused sign-in cost one password-hash check, like a wrong password does: Identity
/// refuses a disabled or locked account, and the page an unknown e-mail, without hashing, and the
/// missing 50 ms would tell which addresses have accounts.
/// </summary>
public sealed class SignInGuard(IPasswordHasher<ApplicationUser> hasher)
{
    public const string FailureMessage = "The email or password is not right, or the account cannot sign in now. Ask an administrator if this persists.";

    private static readonly ApplicationUser Nobody = new() { Id = "nobody", UserName = "nobody", Email = "nobody" };
    private static string? s_dummyHash;

    /// <summary>Hashes the typed password against a fixed hash, as a real account's check would.</summary>
    public void SpendHashOnUnknownUser(string password)
    {
        var dummy = s_dummyHash ??= hasher.HashPassword(Nobody, Guid.NewGuid().ToString("n"));
        hasher.VerifyHashedPassword(Nobody, dummy, password);
    }

    /// <summary>For an account Identity refused before checking the password (disabled, or already locked).</summary>
    public void SpendHashOnRefusedUser(ApplicationUser user, string password)
    {
        if (string.IsNullOrEmpty(user.PasswordHash))
            SpendHashOnUnknownUser(password);
        else
            hasher.VerifyHashedPassword(user, user.PasswordHash, password);
    }
}
