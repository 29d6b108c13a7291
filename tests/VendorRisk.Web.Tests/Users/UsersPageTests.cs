using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Extensions;
using VendorRisk.Data.Entities;
using VendorRisk.Web.Features.Users;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Users;

public sealed class UsersPageTests(WebAppFixture app) : PageTestBase(app), IClassFixture<WebAppFixture>
{
    [Fact]
    public async Task A_refused_role_change_shows_the_stored_role_again_and_says_why_in_words()
    {
        SignInAs(Roles.Admin);
        RenderProviders();
        var cut = Render<UsersPage>();
        var email = WebAppFixture.EmailOf(Roles.Admin);
        IRenderedComponent<MudSelect<string>> RoleOfAdmin() =>
            cut.FindComponents<MudSelect<string>>().Single(s => s.Instance.UserAttributes?.GetValueOrDefault("aria-label") as string == $"Role of {email}");
        cut.WaitForAssertion(() => Assert.Equal(Roles.Admin, RoleOfAdmin().Instance.GetState(x => x.Value)));

        // Demoting the only Admin is refused by the service.
        await cut.InvokeAsync(() => RoleOfAdmin().Instance.SelectOption(Roles.Viewer));

        cut.WaitForAssertion(() => Assert.Equal(Roles.Admin, RoleOfAdmin().Instance.GetState(x => x.Value)));
        Assert.Equal(Roles.Admin, RoleOfAdmin().Instance.GetState(x => x.Text));
        var message = Assert.Single(Services.GetRequiredService<ISnackbar>().ShownSnackbars).Message;
        Assert.Contains("last active Admin", message, StringComparison.Ordinal);
        Assert.DoesNotContain("role:", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_email_shows_the_validators_message_on_the_field_and_creates_nobody()
    {
        SignInAs(Roles.Admin);
        RenderProviders();
        var cut = Render<UsersPage>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("#users-grid")));
        await cut.InvokeAsync(() => cut.Find("#add-user").Click());
        var email = cut.FindComponents<MudTextField<string>>().Single(f => f.Instance.Label == "Email");
        await cut.InvokeAsync(() => email.Instance.ValueChanged.InvokeAsync("not-an-email"));

        await cut.InvokeAsync(() => cut.Find("#create-user").Click());

        cut.WaitForAssertion(() => Assert.Contains("Enter a valid email address.", email.Markup, StringComparison.Ordinal));
        Assert.Empty(Services.GetRequiredService<ISnackbar>().ShownSnackbars);
        Assert.Empty(cut.FindAll("#generated-password"));
    }
}
