using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace VendorRisk.Web.Features.Users;

/// <summary>
/// Account changes through Identity's <see cref="UserManager{TUser}"/>, built on the pipeline's own context so its saves,
/// the security stamp and the audit entry commit in the use case's one transaction.
/// </summary>
public sealed class UserHandlers(IServiceProvider services) :
    IUseCaseHandler<CreateUserRequest, UserWithPassword>, IUseCaseHandler<CreateFirstAdminRequest, UserSummary>,
    IUseCaseHandler<SetUserRoleRequest, Done>, IUseCaseHandler<ForceUserRoleRequest, Done>,
    IUseCaseHandler<SetUserDisabledRequest, Done>, IUseCaseHandler<ForceUserDisabledRequest, Done>,
    IUseCaseHandler<ResetPasswordRequest, string>, IUseCaseHandler<ChangeOwnPasswordRequest, Done>
{
    public async Task<UserWithPassword> HandleAsync(CreateUserRequest request, UseCaseContext context, CancellationToken cancellationToken)
    {
        var (user, password) = await CreateAsync(context, request, "created");
        return new UserWithPassword(UserSummaries.Of(user, context.Now), password);
    }

    public async Task<UserSummary> HandleAsync(CreateFirstAdminRequest request, UseCaseContext context, CancellationToken cancellationToken)
    {
        if (await context.Db.Users.AnyAsync(cancellationToken))
            throw new ForbiddenException("Setup is finished: a user already exists. Sign in instead.");
        return UserSummaries.Of((await CreateAsync(context, request, "first-run setup")).User, context.Now);
    }

    public Task<Done> HandleAsync(SetUserRoleRequest request, UseCaseContext context, CancellationToken cancellationToken) =>
        ChangeAsync(context, request.UserId, async (user, users) =>
        {
            var role = Roles.Parse(request.Role)!;
            if (user.Role == role)
                return;
            if (user.Role == Roles.Admin && !await OtherActiveAdminExistsAsync(context.Db, user.Id))
                throw RequestRefusals.One("role", "This is the last active Admin; make another user Admin first.");
            await SetRoleAsync(context, users, user, role);
        });

    public Task<Done> HandleAsync(ForceUserRoleRequest request, UseCaseContext context, CancellationToken cancellationToken) =>
        ChangeAsync(context, request.UserId, (user, users) => SetRoleAsync(context, users, user, Roles.Parse(request.Role)!));

    public Task<Done> HandleAsync(SetUserDisabledRequest request, UseCaseContext context, CancellationToken cancellationToken) =>
        ChangeAsync(context, request.UserId, async (user, users) =>
        {
            var disabled = request.Disabled;
            if (user.IsDisabled == disabled)
                return;
            if (disabled && user.Id == context.Actor.UserId)
                throw RequestRefusals.One("userId", "You cannot disable your own account.");
            if (disabled && user.Role == Roles.Admin && !await OtherActiveAdminExistsAsync(context.Db, user.Id))
                throw RequestRefusals.One("userId", "This is the last active Admin; it cannot be disabled.");
            await SetDisabledAsync(context, users, user, disabled);
            if (disabled)
                await context.Db.ApiTokens.Where(t => t.UserId == user.Id && t.RevokedAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, context.Now), cancellationToken);
        });

    public Task<Done> HandleAsync(ForceUserDisabledRequest request, UseCaseContext context, CancellationToken cancellationToken) =>
        ChangeAsync(context, request.UserId, (user, users) => SetDisabledAsync(context, users, user, request.Disabled));

    public async Task<string> HandleAsync(ResetPasswordRequest request, UseCaseContext context, CancellationToken cancellationToken)
    {
        var password = string.IsNullOrEmpty(request.NewPassword) ? UserService.GeneratePassword() : request.NewPassword;
        await ChangeAsync(context, request.UserId, async (user, users) =>
        {
            foreach (var validator in users.PasswordValidators)
                ThrowIfFailed(await validator.ValidateAsync(users, user, password), "password");
            context.Audit("user-password-reset", AuditEntityTypes.User, user.Id, $"Password of {user.Email} reset", securityEvent: true);
            user.PasswordHash = users.PasswordHasher.HashPassword(user, password);
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
            await users.UpdateSecurityStampAsync(user);
        });
        return password;
    }

    /// <summary>
    /// Identity's ChangePasswordAsync checks the current password and renews the security stamp, so the user's other
    /// sessions and the old password stop working.
    /// </summary>
    public Task<Done> HandleAsync(ChangeOwnPasswordRequest request, UseCaseContext context, CancellationToken cancellationToken) =>
        ChangeAsync(context, context.Actor.UserId, async (user, users) =>
        {
            var result = await users.ChangePasswordAsync(user, request.CurrentPassword, request.NewPassword ?? "");
            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
                throw RequestRefusals.One("currentPassword", "The current password is not right.");
            ThrowIfFailed(result, "newPassword");
            context.Audit("user-password-changed", AuditEntityTypes.User, user.Id, $"{user.Email} changed their password", securityEvent: true);
        });

    private static async Task SetRoleAsync(UseCaseContext context, UserManager<ApplicationUser> users, ApplicationUser user, string role)
    {
        context.Audit("user-role-changed", AuditEntityTypes.User, user.Id, $"Role of {user.Email} changed", user.Role, role, securityEvent: true);
        user.Role = role;
        await users.UpdateSecurityStampAsync(user);
    }

    private static async Task SetDisabledAsync(UseCaseContext context, UserManager<ApplicationUser> users, ApplicationUser user, bool disabled)
    {
        context.Audit(disabled ? "user-disabled" : "user-enabled", AuditEntityTypes.User, user.Id,
            $"{user.Email} {(disabled ? "disabled" : "enabled")}", !disabled, disabled, securityEvent: true);
        user.IsDisabled = disabled;
        // A new stamp ends open sessions at their next revalidation (within a minute).
        await users.UpdateSecurityStampAsync(user);
    }

    private async Task<(ApplicationUser User, string? Password)> CreateAsync(UseCaseContext context, INewUser request, string how)
    {
        using var users = UsersOn(context.Db);
        var email = request.Email.Trim();
        var role = Roles.Parse(request.Role)!;
        var generated = string.IsNullOrEmpty(request.Password) ? UserService.GeneratePassword() : null;
        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = TextRules.CleanName(request.DisplayName) is { Length: > 0 } displayName ? displayName : email,
            Role = role,
            CreatedAt = context.Now,
            LockoutEnabled = true,
        };
        context.Audit("user-created", AuditEntityTypes.User, user.Id, $"User {email} {how} as {role}", null, new { email, role }, securityEvent: true);
        ThrowIfFailed(await users.CreateAsync(user, generated ?? request.Password!), "password");
        return (user, generated);
    }

    private async Task<Done> ChangeAsync(UseCaseContext context, string userId, Func<ApplicationUser, UserManager<ApplicationUser>, Task> change)
    {
        using var users = UsersOn(context.Db);
        var user = await users.FindByIdAsync(userId) ?? throw new NotFoundException($"No user with id {userId}.");
        await change(user, users);
        ThrowIfFailed(await users.UpdateAsync(user), "user");
        return default;
    }

    private UserManager<ApplicationUser> UsersOn(VendorRiskDbContext db) =>
        ActivatorUtilities.CreateInstance<UserManager<ApplicationUser>>(services,
            new UserOnlyStore<ApplicationUser, VendorRiskDbContext>(db, services.GetService<IdentityErrorDescriber>()));

    private static async Task<bool> OtherActiveAdminExistsAsync(VendorRiskDbContext db, string userId) =>
        await db.Users.AnyAsync(u => u.Id != userId && u.Role == Roles.Admin && !u.IsDisabled);

    private static void ThrowIfFailed(IdentityResult result, string path)
    {
        if (!result.Succeeded)
            // Identity's own length rule and ours both report PasswordTooShort: say each problem once, in our words (the later one).
            throw RequestRefusals.One(path, string.Join(" ", result.Errors.GroupBy(e => e.Code).Select(g => g.Last().Description)));
    }
}

public static class UserSummaries
{
    public static UserSummary Of(ApplicationUser u, DateTimeOffset now) =>
        new(u.Id, u.Email ?? "", u.DisplayName, u.Role, u.IsDisabled, u.LockoutEnd > now, u.CreatedAt);
}
