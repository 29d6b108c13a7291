using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using VendorRisk.Data.Entities;
using VendorRisk.EndToEnd.Tests.Infrastructure;
using VendorRisk.Web.Features.Users;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.EndToEnd.Tests.Shell;

/// <summary>Issue 21 item 2 in a real browser: cookies saved before signing out do not open the app afterwards.</summary>
public sealed class SessionReplayTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Item2_a_browser_state_saved_before_sign_out_is_sent_to_sign_in_afterwards()
    {
        var email = $"replay-{Guid.NewGuid():n}@vendorrisk.test";
        await using (var scope = app.ScopeAs(Roles.Admin))
            await scope.ServiceProvider.GetRequiredService<UserService>()
                .CreateAsync(new CreateUserRequest(email, "Replay user", Roles.Viewer, WebAppFixture.Password), TestContext.Current.CancellationToken);
        var page = await app.SignedInPageAsync(Roles.Viewer, email);
        var saved = await page.Context.StorageStateAsync();

        await page.GotoAsync("/account/sign-out");
        await page.ClickAsync("#confirm-sign-out");
        await page.WaitForURLAsync("**/account/login**");

        await using var replay = await app.Browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseAddress.ToString(), StorageState = saved });
        var stolen = await replay.NewPageAsync();
        await stolen.GotoAsync("/vendors");
        await stolen.WaitForURLAsync("**/account/login**");
        Assert.Contains("/account/login", stolen.Url);
    }
}
