using System.Reflection;
using Microsoft.AspNetCore.Identity;

namespace VendorRisk.Web.Features.Users;

/// <summary>
/// Length over composition (NIST SP 800-63B): at least 12 characters, no composition rules,
/// and not on the list of common passwords shipped with the app.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<ApplicationUser>
{
    public const int MinimumLength = 12;

    private static readonly Lazy<HashSet<string>> Common = new(Load);

    public static bool IsCommon(string password)
    {
        var normalized = password.Trim().ToLowerInvariant();
        // "qwertyuiop12!" is "qwertyuiop" with a suffix: a guesser tries those first.
        var stem = normalized.TrimEnd("0123456789!@#$%^&*()-_=+.,?~ ".ToCharArray());
        return Common.Value.Contains(normalized) || (stem.Length >= 6 && Common.Value.Contains(stem)) || IsTrivialPattern(password);
    }

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinimumLength)
            return Task.FromResult(Fail("PasswordTooShort", $"Use at least {MinimumLength} characters."));
        if (IsCommon(password))
            return Task.FromResult(Fail("PasswordCommon", "This password is too common or too easy to guess; choose another."));
        if (user.Email is { Length: > 0 } email && password.Contains(email.Split('@')[0], StringComparison.OrdinalIgnoreCase) && email.Split('@')[0].Length >= 4)
            return Task.FromResult(Fail("PasswordContainsName", "The password must not contain your user name."));
        return Task.FromResult(IdentityResult.Success);
    }

    private static IdentityResult Fail(string code, string description) =>
        IdentityResult.Failed(new IdentityError { Code = code, Description = description });

    // One repeated character, or a straight run such as 123456789012 or abcdefghijkl.
    private static bool IsTrivialPattern(string password)
    {
        if (password.Distinct().Count() <= 2)
            return true;
        var ascending = true;
        var descending = true;
        for (var i = 1; i < password.Length; i++)
        {
            ascending &= password[i] - password[i - 1] == 1;
            descending &= password[i] - password[i - 1] == -1;
        }
        return ascending || descending;
    }

    private static HashSet<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("VendorRisk.Web.Features.Users.common-passwords.txt")
            ?? throw new InvalidOperationException("The common-password list is missing from the build.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
                set.Add(line.Trim().ToLowerInvariant());
        }
        return set;
    }
}
