using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace VendorRisk.Web.Features.Users;

public sealed record UserSummary(string Id, string Email, string DisplayName, string Role, bool IsDisabled, bool IsLockedOut, DateTime CreatedAt);

public sealed record CreateUserRequest(string Email, string DisplayName, string Role, string? Password);

/// <summary>Result of an operation that may have generated a password: shown once, never stored.</summary>
public sealed record UserWithPassword(UserSummary User, string? GeneratedPassword);

/// <summary>Users and roles. Everything here but first-run setup is for Admins only.</summary>
public sealed class UserService(IServiceScopeFactory scopeFactory, ICurrentUser currentUser, TimeProvider clock)
{
    public async Task<bool> AnyUsersAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VendorRiskDbContext>();
        return await db.Users.AnyAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAsync(Roles.Admin, "list users", cancellationToken);
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VendorRiskDbContext>();
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(cancellationToken);
        return users.Select(ToSummary).ToList();
    }

    /// <summary>First run only: creates the first Admin while no user exists.</summary>
    public async Task<UserSummary> CreateFirstAdminAsync(string email, string displayName, string password, CancellationToken cancellationToken = default)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VendorRiskDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.Users.AnyAsync(cancellationToken))
            throw new ForbiddenException("Setup is finished: a user already exists. Sign in instead.");
        var user = await CreateInScopeAsync(scope, Actor.System, new CreateUserRequest(email, displayName, Roles.Admin, password), "first-run setup");
        await transaction.CommitAsync(cancellationToken);
        return ToSummary(user.User);
    }

    public async Task<UserWithPassword> CreateAsync(CreateUserRequest request, CancellationToken cancellationToken = default)
    {
        var actor = await currentUser.RequireAsync(Roles.Admin, "create users", cancellationToken);
        await using var scope = scopeFactory.CreateAsyncScope();
        var (user, password) = await CreateInScopeAsync(scope, actor, request, "created");
        return new UserWithPassword(ToSummary(user), password);
    }

    /// <summary>For the command line and demo seeding, which act as the system.</summary>
    internal async Task<UserWithPassword> CreateAsSystemAsync(CreateUserRequest request)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var (user, password) = await CreateInScopeAsync(scope, Actor.System, request, "created");
        return new UserWithPassword(ToSummary(user), password);
    }

    public async Task SetRoleAsync(string userId, string role, CancellationToken cancellationToken = default)
    {
        var actor = await currentUser.RequireAsync(Roles.Admin, "change roles", cancellationToken);
        var parsed = Roles.Parse(role) ?? throw new ValidationFailedException("role", $"Unknown role '{role}'. Use one of: {string.Join(", ", Roles.All)}.");
        await ChangeAsync(userId, async (user, db, users) =>
        {
            if (user.Role == parsed)
                return;
            if (user.Role == Roles.Admin && !await OtherActiveAdminExistsAsync(db, user.Id))
                throw new ValidationFailedException("role", "This is the last active Admin; make another user Admin first.");
            db.Audit(actor, "user-role-changed", AuditEntityTypes.User, user.Id, $"Role of {user.Email} changed", user.Role, parsed, securityEvent: true);
            user.Role = parsed;
            await users.UpdateSecurityStampAsync(user);
        }, cancellationToken);
    }

    public async Task SetDisabledAsync(string userId, bool disabled, CancellationToken cancellationToken = default)
    {
        var actor = await currentUser.RequireAsync(Roles.Admin, disabled ? "disable users" : "enable users", cancellationToken);
        await ChangeAsync(userId, async (user, db, users) =>
        {
            if (user.IsDisabled == disabled)
                return;
            if (disabled && user.Id == actor.UserId)
                throw new ValidationFailedException("userId", "You cannot disable your own account.");
            if (disabled && user.Role == Roles.Admin && !await OtherActiveAdminExistsAsync(db, user.Id))
                throw new ValidationFailedException("userId", "This is the last active Admin; it cannot be disabled.");
            db.Audit(actor, disabled ? "user-disabled" : "user-enabled", AuditEntityTypes.User, user.Id,
                $"{user.Email} {(disabled ? "disabled" : "enabled")}", !disabled, disabled, securityEvent: true);
            user.IsDisabled = disabled;
            // A new stamp ends open sessions at their next revalidation (within a minute).
            await users.UpdateSecurityStampAsync(user);
            if (disabled)
                await db.ApiTokens.Where(t => t.UserId == user.Id && t.RevokedAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, clock.GetUtcNow().UtcDateTime), cancellationToken);
        }, cancellationToken);
    }

    /// <summary>Sets a new password (generated when <paramref name="newPassword"/> is null) and returns it once.</summary>
    public async Task<string> ResetPasswordAsync(string userId, string? newPassword, CancellationToken cancellationToken = default)
    {
        var actor = await currentUser.RequireAsync(Roles.Admin, "reset passwords", cancellationToken);
        return await ResetPasswordCoreAsync(userId, actor, newPassword, cancellationToken);
    }

    /// <summary>
    /// The signed-in user changes their own password. Identity's ChangePasswordAsync checks the current one and
    /// renews the security stamp, so the user's other sessions and the old password stop working.
    /// </summary>
    public async Task ChangeOwnPasswordAsync(string currentPassword, string newPassword, CancellationToken cancellationToken = default)
    {
        var actor = await currentUser.RequireAsync(Roles.Viewer, "change your password", cancellationToken);
        if (string.IsNullOrEmpty(currentPassword))
            throw new ValidationFailedException("currentPassword", "Enter your current password.");
        await ChangeAsync(actor.UserId, async (user, db, users) =>
        {
            var result = await users.ChangePasswordAsync(user, currentPassword, newPassword ?? "");
            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
                throw new ValidationFailedException("currentPassword", "The current password is not right.");
            ThrowIfFailed(result, "newPassword");
            db.Audit(actor, "user-password-changed", AuditEntityTypes.User, user.Id, $"{user.Email} changed their password", securityEvent: true);
        }, cancellationToken);
    }

    internal async Task<string> ResetPasswordAsSystemAsync(string userId, string? newPassword) =>
        await ResetPasswordCoreAsync(userId, Actor.System, newPassword, CancellationToken.None);

    internal async Task SetRoleAsSystemAsync(string userId, string role)
    {
        var parsed = Roles.Parse(role) ?? throw new ValidationFailedException("role", $"Unknown role '{role}'.");
        await ChangeAsync(userId, async (user, db, users) =>
        {
            db.Audit(Actor.System, "user-role-changed", AuditEntityTypes.User, user.Id, $"Role of {user.Email} changed", user.Role, parsed, securityEvent: true);
            user.Role = parsed;
            await users.UpdateSecurityStampAsync(user);
        }, CancellationToken.None);
    }

    internal async Task SetDisabledAsSystemAsync(string userId, bool disabled)
    {
        await ChangeAsync(userId, async (user, db, users) =>
        {
            db.Audit(Actor.System, disabled ? "user-disabled" : "user-enabled", AuditEntityTypes.User, user.Id,
                $"{user.Email} {(disabled ? "disabled" : "enabled")}", !disabled, disabled, securityEvent: true);
            user.IsDisabled = disabled;
            await users.UpdateSecurityStampAsync(user);
        }, CancellationToken.None);
    }

    internal async Task<string?> FindIdByEmailAsync(string email)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return (await users.FindByEmailAsync(email))?.Id;
    }

    public static string GeneratePassword()
    {
        const string alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return string.Create(20, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
                span[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
        });
    }

    private async Task<string> ResetPasswordCoreAsync(string userId, Actor actor, string? newPassword, CancellationToken cancellationToken)
    {
        var password = string.IsNullOrEmpty(newPassword) ? GeneratePassword() : newPassword;
        await ChangeAsync(userId, async (user, db, users) =>
        {
            foreach (var validator in users.PasswordValidators)
                ThrowIfFailed(await validator.ValidateAsync(users, user, password), "password");
            db.Audit(actor, "user-password-reset", AuditEntityTypes.User, user.Id, $"Password of {user.Email} reset", securityEvent: true);
            user.PasswordHash = users.PasswordHasher.HashPassword(user, password);
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
            await users.UpdateSecurityStampAsync(user);
        }, cancellationToken);
        return password;
    }

    private async Task<(ApplicationUser User, string? Password)> CreateInScopeAsync(AsyncServiceScope scope, Actor actor, CreateUserRequest request, string how)
    {
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var db = scope.ServiceProvider.GetRequiredService<VendorRiskDbContext>();
        var errors = new RequestRefusals();
        var email = request.Email?.Trim() ?? "";
        if (!System.Net.Mail.MailAddress.TryCreate(email, out _) || email.Length > 256)
            errors.Add("email", "Enter a valid email address.");
        var role = Roles.Parse(request.Role);
        if (role is null)
            errors.Add("role", $"Unknown role '{request.Role}'. Use one of: {string.Join(", ", Roles.All)}.");
        if (TextRules.Length(TextRules.CleanName(request.DisplayName)) > 200)
            errors.Add("displayName", "Use at most 200 characters.");
        errors.ThrowIfAny();
        if (await users.FindByEmailAsync(email) is not null)
            throw new ValidationFailedException("email", $"A user with the email {email} already exists.");

        var generated = string.IsNullOrEmpty(request.Password) ? GeneratePassword() : null;
        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = TextRules.CleanName(request.DisplayName) is { Length: > 0 } displayName ? displayName : email,
            Role = role!,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            LockoutEnabled = true,
        };
        db.Audit(actor, "user-created", AuditEntityTypes.User, user.Id, $"User {email} {how} as {role}", null, new { email, role }, securityEvent: true);
        ThrowIfFailed(await users.CreateAsync(user, generated ?? request.Password!), "password");
        return (user, generated);
    }

    private async Task ChangeAsync(string userId, Func<ApplicationUser, VendorRiskDbContext, UserManager<ApplicationUser>, Task> change, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var db = scope.ServiceProvider.GetRequiredService<VendorRiskDbContext>();
        var user = await users.FindByIdAsync(userId) ?? throw new NotFoundException($"No user with id {userId}.");
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await change(user, db, users);
        ThrowIfFailed(await users.UpdateAsync(user), "user");
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task<bool> OtherActiveAdminExistsAsync(VendorRiskDbContext db, string userId) =>
        await db.Users.AnyAsync(u => u.Id != userId && u.Role == Roles.Admin && !u.IsDisabled);

    private static void ThrowIfFailed(IdentityResult result, string path)
    {
        if (!result.Succeeded)
            // Identity's own length rule and ours both report PasswordTooShort: say each problem once, in our words (the later one).
            throw new ValidationFailedException(path, string.Join(" ", result.Errors.GroupBy(e => e.Code).Select(g => g.Last().Description)));
    }

    private UserSummary ToSummary(ApplicationUser u) =>
        new(u.Id, u.Email ?? "", u.DisplayName, u.Role, u.IsDisabled, u.LockoutEnd > clock.GetUtcNow(), u.CreatedAt);
}
