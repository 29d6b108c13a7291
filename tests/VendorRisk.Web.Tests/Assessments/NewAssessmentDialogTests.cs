using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using VendorRisk.Web.Features.Assessments;
using VendorRisk.Web.Features.Vendors;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Assessments;

/// <summary>The dialog's fields are checked by the request's own validator (<see cref="CreateAssessmentValidator"/>), before the service runs.</summary>
public sealed class NewAssessmentDialogTests(WebAppFixture app) : PageTestBase(app), IClassFixture<WebAppFixture>
{
    [Fact]
    public async Task A_title_over_the_limit_shows_the_validators_message_on_the_field_and_starts_nothing()
    {
        SignInAs(Roles.Assessor);
        int vendorId;
        await using (var scope = App.ScopeAs(Roles.Assessor))
            vendorId = await scope.ServiceProvider.GetRequiredService<VendorService>().CreateAsync(TestData.Vendor("Dialog Validation Vendor"), Xunit.TestContext.Current.CancellationToken);
        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
        var dialogs = Render<MudDialogProvider>();
        Render<MudSnackbarProvider>();
        Render<MudPopoverProvider>();
        var title = new string('t', VendorRisk.Domain.Assessments.AssessmentLimits.TitleMaxLength + 1);

        // ShowAsync waits for the dialog to close, so it is not awaited here.
        _ = dialogs.InvokeAsync(() => NewAssessmentDialog.ShowAsync(Services.GetRequiredService<IDialogService>(), vendorId));
        dialogs.WaitForAssertion(() => Assert.NotEmpty(dialogs.FindAll("#na-title")));
        var field = dialogs.FindComponents<MudTextField<string>>().Single(f => f.Instance.Label == "Title");
        await dialogs.InvokeAsync(() => field.Instance.ValueChanged.InvokeAsync(title));
        await dialogs.InvokeAsync(() => dialogs.Find("#na-create").Click());

        dialogs.WaitForAssertion(() => Assert.Contains($"Use at most {VendorRisk.Domain.Assessments.AssessmentLimits.TitleMaxLength} characters.",
            field.Markup, StringComparison.Ordinal));
        Assert.Empty(Services.GetRequiredService<ISnackbar>().ShownSnackbars);
        Assert.NotEmpty(dialogs.FindAll("#na-create"));
        await using var db = await App.CreateDbContextAsync();
        Assert.False(await db.Assessments.AnyAsync(a => a.VendorId == vendorId, Xunit.TestContext.Current.CancellationToken));
    }
}
