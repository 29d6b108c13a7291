using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using VendorRisk.Domain.Assessments;
using VendorRisk.Web.Features.Assessments;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Assessments;

/// <summary>A review is a decision the reviewer makes: the dialog chooses none for them.</summary>
public sealed class ReviewDialogTests(WebAppFixture app) : PageTestBase(app), IClassFixture<WebAppFixture>
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task Recording_without_choosing_a_decision_asks_for_one_and_leaves_the_assessment_submitted()
    {
        var id = await TestData.CreateDraftAsync(App);
        await using (var assessor = App.ScopeAs(Roles.Assessor))
            await assessor.ServiceProvider.GetRequiredService<AssessmentService>().SubmitAsync(id, true, Ct);
        SignInAs(Roles.Reviewer);
        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
        var dialogs = Render<MudDialogProvider>();
        Render<MudSnackbarProvider>();
        Render<MudPopoverProvider>();

        _ = dialogs.InvokeAsync(() => Services.GetRequiredService<IDialogService>().ShowAsync<ReviewDialog>("Review",
            new DialogParameters<ReviewDialog> { { d => d.AssessmentId, id } }));
        dialogs.WaitForAssertion(() => Assert.NotEmpty(dialogs.FindAll("#review-submit")));
        Assert.Empty(dialogs.FindAll("#review-decision input[type=radio]:checked"));
        Assert.DoesNotContain("Choose a decision.", dialogs.Markup, StringComparison.Ordinal);

        await dialogs.InvokeAsync(() => dialogs.Find("#review-submit").Click());

        dialogs.WaitForAssertion(() => Assert.Contains("Choose a decision.", dialogs.Markup, StringComparison.Ordinal));
        Assert.NotEmpty(dialogs.FindAll("#review-submit"));
        await using var db = await App.CreateDbContextAsync();
        Assert.Equal(AssessmentStatus.Submitted, (await db.Assessments.SingleAsync(a => a.Id == id, Ct)).Status);
    }

    [Fact]
    public void Conditions_written_as_rows_become_the_approvals_comment_one_a_line()
    {
        Assert.Equal("1. Sign the DPA\n2. Enable spend caps", ReviewDialog.ConditionsListed(["  Sign the DPA ", "", null, "Enable spend caps"]));
        Assert.Equal("", ReviewDialog.ConditionsListed([" "]));
    }
}
