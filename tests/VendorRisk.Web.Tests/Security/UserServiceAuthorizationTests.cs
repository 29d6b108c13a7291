using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VendorRisk.Data.Entities;
using VendorRisk.Domain.Common;
using VendorRisk.Web.Features.Users;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Security;

public sealed class UserServiceAuthorizationTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> NonAdmins => [Roles.Viewer, Roles.Assessor, Roles.Reviewer];

    [Theory]
    [MemberData(nameof(NonAdmins))]
    public async Task Every_user_changing_method_refuses_a_non_admin_and_changes_nothing(string role)
    {
        var target = app.UserIdOf(Roles.Viewer);
        var before = await SnapshotAsync();
        await using var scope = app.ScopeAs(role);
        var users = scope.ServiceProvider.GetRequiredService<UserService>();

        await Assert.ThrowsAsync<ForbiddenException>(() => users.CreateAsync(new CreateUserRequest("new@vendorrisk.test", "", Roles.Admin, WebAppFixture.Password), Ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => users.SetRoleAsync(target, Roles.Admin, Ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => users.SetDisabledAsync(target, true, Ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => users.ResetPasswordAsync(target, null, Ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => users.ListAsync(Ct));

        Assert.Equal(before, await SnapshotAsync());
        await using var db = await app.CreateDbContextAsync();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "permission-denied" && e.UserId == app.UserIdOf(role), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_last_active_admin_cannot_be_demoted()
    {
        await using var scope = app.ScopeAs(Roles.Admin);
        var users = scope.ServiceProvider.GetRequiredService<UserService>();

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => users.SetRoleAsync(app.UserIdOf(Roles.Admin), Roles.Viewer, Ct));
        Assert.Contains("last active Admin", error.Message);
    }

    [Fact]
    public async Task An_admin_change_is_audited_with_old_and_new_values()
    {
        await using var scope = app.ScopeAs(Roles.Admin);
        var users = scope.ServiceProvider.GetRequiredService<UserService>();
        var created = await users.CreateAsync(new CreateUserRequest($"audited-{Guid.NewGuid():n}@vendorrisk.test", "A", Roles.Viewer, null), Ct);

        await users.SetRoleAsync(created.User.Id, Roles.Assessor, Ct);

        await using var db = await app.CreateDbContextAsync();
        var entry = await db.AuditEntries.SingleAsync(e => e.EntityId == created.User.Id && e.Action == "user-role-changed", TestContext.Current.CancellationToken);
        Assert.Equal(Roles.Viewer, entry.OldValue);
        Assert.Equal(Roles.Assessor, entry.NewValue);
        Assert.Equal(20, created.GeneratedPassword!.Length);
    }

    private async Task<string> SnapshotAsync()
    {
        await using var db = await app.CreateDbContextAsync();
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Id).Select(u => u.Id + u.Role + u.IsDisabled + u.PasswordHash).ToListAsync(Ct);
        return string.Join("|", users);
    }
}
