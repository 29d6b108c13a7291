using FluentValidation;
using Microsoft.AspNetCore.Identity;

namespace VendorRisk.Web.Features.Users;

/// <summary>What creating a user needs, whoever asks (an Admin, first-run setup, the command line).</summary>
public interface INewUser
{
    string Email { get; }
    string DisplayName { get; }
    string Role { get; }
    string? Password { get; }
}

[RequiresRole(Roles.Admin, "create users")]
public sealed record CreateUserRequest(string Email, string DisplayName, string Role, string? Password) : IUseCase<UserWithPassword>, INewUser;

/// <summary>First run only: the first Admin, while no user exists (run as the system: nobody is signed in yet).</summary>
[RequiresRole(Roles.Admin, "set up the first Admin")]
public sealed record CreateFirstAdminRequest(string Email, string DisplayName, string Password) : IUseCase<UserSummary>, INewUser
{
    public string Role => Roles.Admin;
}

[RequiresRole(Roles.Admin, "change roles")]
public sealed record SetUserRoleRequest(string UserId, string Role) : IUseCase<Done>;

/// <summary>The command line's role change: no last-Admin guard (it is how a locked-out installation gets an Admin back).</summary>
[RequiresRole(Roles.Admin, "change roles")]
public sealed record ForceUserRoleRequest(string UserId, string Role) : IUseCase<Done>;

public sealed record SetUserDisabledRequest(string UserId, bool Disabled) : IUseCase<Done>, IChoosesItsRole
{
    public RequiresRoleAttribute RequiredRole => new(Roles.Admin, Disabled ? "disable users" : "enable users");
}

/// <summary>The command line's switch: no self or last-Admin guard, and the account's tokens stay as they are.</summary>
[RequiresRole(Roles.Admin, "disable users")]
public sealed record ForceUserDisabledRequest(string UserId, bool Disabled) : IUseCase<Done>;

/// <summary>Sets a new password (generated when <see cref="NewPassword"/> is null) and answers it once.</summary>
[RequiresRole(Roles.Admin, "reset passwords")]
public sealed record ResetPasswordRequest(string UserId, string? NewPassword) : IUseCase<string>;

[RequiresRole(Roles.Viewer, "change your password")]
public sealed record ChangeOwnPasswordRequest(string CurrentPassword, string NewPassword) : IUseCase<Done>;

/// <summary>The shape of a new user (all problems at once), then, when the shape is right, that the email is free.</summary>
public abstract class NewUserValidator<T> : AbstractValidator<T> where T : INewUser
{
    protected NewUserValidator(IDbContextFactory<VendorRiskDbContext> dbFactory, ILookupNormalizer normalizer, bool checkEmailIsFree)
    {
        RuleFor(r => r.Email).Must(IsEmail).WithMessage("Enter a valid email address.");
        RuleFor(r => r.Role).Must(r => Roles.Parse(r) is not null).WithMessage(r => UserRules.UnknownRole(r.Role));
        RuleFor(r => r.DisplayName).Must(d => TextRules.Length(TextRules.CleanName(d)) <= UserLimits.DisplayNameMaxLength)
            .WithMessage($"Use at most {UserLimits.DisplayNameMaxLength} characters.");
        if (checkEmailIsFree)
            RuleFor(r => r.Email)
                .MustAsync(async (email, cancellationToken) =>
                {
                    var normalized = normalizer.NormalizeEmail(email.Trim());
                    await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
                    return !await db.Users.AnyAsync(u => u.NormalizedEmail == normalized, cancellationToken);
                })
                .When(r => IsEmail(r.Email) && Roles.Parse(r.Role) is not null
                    && TextRules.Length(TextRules.CleanName(r.DisplayName)) <= UserLimits.DisplayNameMaxLength)
                .WithMessage(r => $"A user with the email {r.Email.Trim()} already exists.");
    }

    private static bool IsEmail(string? email)
    {
        var trimmed = email?.Trim() ?? "";
        return System.Net.Mail.MailAddress.TryCreate(trimmed, out _) && trimmed.Length <= UserLimits.EmailMaxLength;
    }
}

public sealed class CreateUserValidator(IDbContextFactory<VendorRiskDbContext> dbFactory, ILookupNormalizer normalizer)
    : NewUserValidator<CreateUserRequest>(dbFactory, normalizer, checkEmailIsFree: true);

/// <summary>Setup runs only while no user exists (the handler refuses otherwise), so no email can be taken.</summary>
public sealed class CreateFirstAdminValidator(IDbContextFactory<VendorRiskDbContext> dbFactory, ILookupNormalizer normalizer)
    : NewUserValidator<CreateFirstAdminRequest>(dbFactory, normalizer, checkEmailIsFree: false);

public sealed class SetUserRoleValidator : AbstractValidator<SetUserRoleRequest>
{
    public SetUserRoleValidator() =>
        RuleFor(r => r.Role).Must(r => Roles.Parse(r) is not null).WithMessage(r => UserRules.UnknownRole(r.Role));
}

public sealed class ForceUserRoleValidator : AbstractValidator<ForceUserRoleRequest>
{
    public ForceUserRoleValidator() =>
        RuleFor(r => r.Role).Must(r => Roles.Parse(r) is not null).WithMessage(r => $"Unknown role '{r.Role}'.");
}

public sealed class ChangeOwnPasswordValidator : AbstractValidator<ChangeOwnPasswordRequest>
{
    public ChangeOwnPasswordValidator() =>
        RuleFor(r => r.CurrentPassword).NotEmpty().WithMessage("Enter your current password.");
}

public static class UserRules
{
    public static string UnknownRole(string? role) => $"Unknown role '{role}'. Use one of: {string.Join(", ", Roles.All)}.";
}
