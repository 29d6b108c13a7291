using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using VendorRisk.Data.Entities;
using VendorRisk.Web.Features.QuestionSets;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.QuestionSets;

/// <summary>The question-set list's version actions ask before they change anything.</summary>
public sealed class QuestionSetsPageTests(WebAppFixture app) : PageTestBase(app), IClassFixture<WebAppFixture>
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task Publishing_a_draft_asks_first_and_a_cancel_changes_nothing()
    {
        var key = "page-" + Guid.NewGuid().ToString("N")[..8];
        await using (var admin = App.ScopeAs(Roles.Admin))
            await admin.ServiceProvider.GetRequiredService<QuestionSetService>().ImportAsync(QuestionSetFiles.Bytes(QuestionSetFiles.Valid(key)), Ct);
        SignInAs(Roles.Admin);
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var dialogs = Render<MudDialogProvider>();
        Render<MudSnackbarProvider>();
        Render<MudPopoverProvider>();
        var cut = Render<QuestionSetsPage>();
        var publishButton = $"[data-set='{key}'] button[aria-label='Publish version 1']";

        // The click's handler waits for the message box to close, so it is not awaited here.
        var cancelling = cut.WaitForElement(publishButton).ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.Contains("It becomes the version new assessments use", dialogs.Markup));
        await dialogs.InvokeAsync(() => dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Cancel").Click());
        await cancelling;
        Assert.Equal(VersionStatus.Draft, await StatusAsync(key));

        var publishing = cut.WaitForElement(publishButton).ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.Contains("It becomes the version new assessments use", dialogs.Markup));
        await dialogs.InvokeAsync(() => dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Publish").Click());
        await publishing;
        var shown = Services.GetRequiredService<ISnackbar>();
        cut.WaitForAssertion(() => Assert.Contains($"Version 1 of '{key}' published.", shown.ShownSnackbars.Select(s => s.Message)));
        Assert.Equal(VersionStatus.Published, await StatusAsync(key));
    }

    private async Task<VersionStatus> StatusAsync(string key)
    {
        await using var db = await App.CreateDbContextAsync();
        return await db.QuestionSetVersions.Where(v => v.QuestionSet.Key == key).Select(v => v.Status).SingleAsync(Ct);
    }
}
