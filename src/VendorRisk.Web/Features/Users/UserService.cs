using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace VendorRisk.Web.Features.Users;

public sealed record UserSummary(string Id, string Email, string DisplayName, string Role, bool IsDisabled, bool IsLockedOut, DateTime CreatedAt);

/// <summary>Result of an operation that may have generated a password: shown once, never stored.</summary>
public sealed record UserWithPassword(UserSummary User, string? GeneratedPassword);

/// <summary>Users and roles, each change a use case (<see cref="UserHandlers"/>). Everything but first-run setup and one's own password is for Admins only.</summary>
public sealed class UserService(IServiceScopeFactory scopeFactory, UseCasePipeline pipeline, TimeProvider clock)
{
    public async Task<bool> AnyUsersAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VendorRiskDbContext>();
        return await db.Users.AnyAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await pipeline.AuthorizeAsync(new ListUsers(), cancellationToken);
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VendorRiskDbContext>();
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(cancellationToken);
        return users.Select(ToSummary).ToList();
    }

    /// <summary>First run only: creates the first Admin while no user exists.</summary>
    public Task<UserSummary> CreateFirstAdminAsync(string email, string displayName, string password, CancellationToken cancellationToken = default) =>
        pipeline.AsSystem().RunAsync(new CreateFirstAdminRequest(email, displayName, password), cancellationToken);

    public Task<UserWithPassword> CreateAsync(CreateUserRequest request, CancellationToken cancellationToken = default) =>
        pipeline.RunAsync(request, cancellationToken);

    /// <summary>For the command line and demo seeding, which act as the system.</summary>
    internal Task<UserWithPassword> CreateAsSystemAsync(CreateUserRequest request) => pipeline.AsSystem().RunAsync(request);

    public Task SetRoleAsync(string userId, string role, CancellationToken cancellationToken = default) =>
        pipeline.RunAsync(new SetUserRoleRequest(userId, role), cancellationToken);

    public Task SetDisabledAsync(string userId, bool disabled, CancellationToken cancellationToken = default) =>
        pipeline.RunAsync(new SetUserDisabledRequest(userId, disabled), cancellationToken);

    /// <summary>Sets a new password (generated when <paramref name="newPassword"/> is null) and returns it once.</summary>
    public Task<string> ResetPasswordAsync(string userId, string? newPassword, CancellationToken cancellationToken = default) =>
        pipeline.RunAsync(new ResetPasswordRequest(userId, newPassword), cancellationToken);

    /// <summary>The signed-in user changes their own password (<see cref="UserHandlers"/>).</summary>
    public Task ChangeOwnPasswordAsync(string currentPassword, string newPassword, CancellationToken cancellationToken = default) =>
        pipeline.RunAsync(new ChangeOwnPasswordRequest(currentPassword, newPassword), cancellationToken);

    internal Task<string> ResetPasswordAsSystemAsync(string userId, string? newPassword) =>
        pipeline.AsSystem().RunAsync(new ResetPasswordRequest(userId, newPassword));

    internal Task SetRoleAsSystemAsync(string userId, string role) => pipeline.AsSystem().RunAsync(new ForceUserRoleRequest(userId, role));

    internal Task SetDisabledAsSystemAsync(string userId, bool disabled) =>
        pipeline.AsSystem().RunAsync(new ForceUserDisabledRequest(userId, disabled));

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

    private UserSummary ToSummary(ApplicationUser u) => UserSummaries.Of(u, clock.GetUtcNow());
}
