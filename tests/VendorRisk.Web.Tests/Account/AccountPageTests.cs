using Bunit;
using MudBlazor;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VendorRisk.Data.Entities;
using VendorRisk.Domain.Common;
using VendorRisk.Web.Features.Tokens;
using VendorRisk.Web.Features.Users;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Account;

public sealed class AccountPageTests(WebAppFixture app) : PageTestBase(app), IClassFixture<WebAppFixture>
{
    [Fact]
    public async Task A_token_asked_for_400_days_is_refused_with_the_allowed_range_and_none_is_created()
    {
        SignInAs(Roles.Assessor);
        RenderProviders();
        var cut = Render<AccountPage>();
        int before;
        await using (var db = await App.CreateDbContextAsync())
            before = await db.ApiTokens.CountAsync(Xunit.TestContext.Current.CancellationToken);

        cut.Find("#token-name input, input#token-name").Input("Nightly export");
        cut.Find("#token-days input, input#token-days").Change("400");
        await cut.InvokeAsync(() => cut.Find("#create-token").Click());

        var message = "";
        cut.WaitForAssertion(() => message = Assert.Single(Services.GetRequiredService<ISnackbar>().ShownSnackbars).Message);
        Assert.Contains($"1 to {TokenService.MaxDays} days", message, StringComparison.Ordinal);
        Assert.DoesNotContain("days:", message, StringComparison.Ordinal);
        await using (var db = await App.CreateDbContextAsync())
            Assert.Equal(before, await db.ApiTokens.CountAsync(Xunit.TestContext.Current.CancellationToken));
        Assert.Empty(cut.FindAll("#new-token"));
    }

    [Fact]
    public async Task A_too_short_password_is_refused_once_in_words()
    {
        await using var scope = App.ScopeAs(Roles.Admin);
        var users = scope.ServiceProvider.GetRequiredService<UserService>();
        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            users.CreateAsync(new CreateUserRequest($"short-{Guid.NewGuid():n}@vendorrisk.test", "Short", Roles.Viewer, "tiny"), Xunit.TestContext.Current.CancellationToken));

        Assert.Equal("Use at least 12 characters.", ex.Sentences);
        Assert.DoesNotContain("password:", ex.Sentences, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Users_change_their_own_password_and_the_old_one_stops_working()
    {
        var email = $"changer-{Guid.NewGuid():n}@vendorrisk.test";
        const string oldPassword = "an old passphrase 2026", newPassword = "a brand new passphrase 2026";
        string id;
        await using (var admin = App.ScopeAs(Roles.Admin))
            id = (await admin.ServiceProvider.GetRequiredService<UserService>().CreateAsync(new CreateUserRequest(email, "Changer", Roles.Viewer, oldPassword), Xunit.TestContext.Current.CancellationToken)).User.Id;
        var stampBefore = await StampAsync(id);
        using (await App.SignInAsync(email, oldPassword)) { }

        Services.AddFallbackServiceProvider(App.ScopeAsUser(id, Roles.Viewer).ServiceProvider);
        this.AddAuthorization().SetAuthorized(email).SetRoles(Roles.Viewer).SetPolicies(Roles.Viewer);
        RenderProviders();
        var cut = Render<AccountPage>();

        await cut.InvokeAsync(() => cut.Find("input#current-password").Input("not my password at all"));
        await cut.InvokeAsync(() => cut.Find("input#new-password").Input(newPassword));
        await cut.InvokeAsync(() => cut.Find("input#confirm-password").Input(newPassword));
        await cut.InvokeAsync(() => cut.Find("#change-password-button").Click());
        cut.WaitForAssertion(() => Assert.Equal("The current password is not right.", cut.Find("#password-error").TextContent.Trim()));
        Assert.Equal(stampBefore, await StampAsync(id));

        await cut.InvokeAsync(() => cut.Find("input#current-password").Input(oldPassword));
        await cut.InvokeAsync(() => cut.Find("input#new-password").Input(newPassword));
        await cut.InvokeAsync(() => cut.Find("input#confirm-password").Input(newPassword));
        cut.WaitForAssertion(() => Assert.Equal(oldPassword, cut.Find("input#current-password").GetAttribute("value")));
        await cut.InvokeAsync(() => cut.Find("#change-password-button").Click());
        // The form empties only once the change is saved; the error clears as soon as the click is handled.
        cut.WaitForAssertion(() => Assert.Equal("", cut.Find("input#current-password").GetAttribute("value") ?? ""));
        Assert.Empty(cut.FindAll("#password-error"));

        Assert.NotEqual(stampBefore, await StampAsync(id));
        await Assert.ThrowsAsync<InvalidOperationException>(() => App.SignInAsync(email, oldPassword));
        using var signedIn = await App.SignInAsync(email, newPassword);
    }

    private async Task<string?> StampAsync(string id)
    {
        await using var db = await App.CreateDbContextAsync();
        return await db.Users.Where(u => u.Id == id).Select(u => u.SecurityStamp).SingleAsync(Xunit.TestContext.Current.CancellationToken);
    }
}
