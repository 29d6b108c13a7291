using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VendorRisk.Data.Entities;
using VendorRisk.Web.Features.Portal;
using VendorRisk.Web.Features.Shared;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Portal;

/// <summary>Issue 18: the assessment page's Vendor portal tab, rendered on the app's real services.</summary>
public sealed class VendorPortalPanelTests(WebAppFixture app) : PageTestBase(app), IClassFixture<WebAppFixture>
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private async Task<int> SubmittedAsync()
    {
        var draft = await TestData.CreateDraftAsync(App);
        var invitation = await App.InviteAsync(draft);
        var (client, _, _) = await App.OpenAsync(invitation.Link);
        using var _client = client;
        await PortalTestSupport.SaveChoiceAsync(client, "buyer-eligibility", "restricted");
        await PortalTestSupport.SaveChoiceAsync(client, "exit-plan", "none");
        await PortalTestSupport.SubmitAsync(client);
        await App.InviteAsync(draft, name: "Second Contact", email: "second@vendor.example");
        return draft;
    }

    private async Task<AssessmentSnapshot> SnapshotAsync(int id)
    {
        await using var scope = App.ScopeAs(Roles.Viewer);
        return await scope.ServiceProvider.GetRequiredService<AssessmentReader>().GetAsync(id, Ct);
    }

    [Fact]
    public async Task The_assessor_sees_each_link_with_its_status_and_accepts_all_pending_answers_at_once()
    {
        var draft = await SubmittedAsync();
        var snapshot = await SnapshotAsync(draft);
        SignInAs(Roles.Assessor);
        RenderProviders();

        var cut = Render<VendorPortalPanel>(p => p.Add(x => x.Assessment, snapshot).Add(x => x.CanEdit, true));
        // The panel lists its invitations and its child the vendor's answers, each from its own read: wait for both.
        cut.WaitForElement("#vendor-answers");
        cut.WaitForElement("#invitations");

        Assert.Equal(["pending", "submitted"], cut.FindAll("#invitations [data-status]").Select(e => e.GetAttribute("data-status")));
        Assert.Equal(2, cut.FindAll(".accept-vendor-answer").Count);
        await cut.InvokeAsync(() => cut.Find("#accept-all-vendor-answers").Click());
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-review=accepted]").Count));

        await using var db = await App.CreateDbContextAsync();
        Assert.Equal(["buyer-eligibility", "exit-plan"], await db.Answers.Where(a => a.AssessmentId == draft).OrderBy(a => a.QuestionKey).Select(a => a.QuestionKey).ToListAsync(Ct));
    }

    [Fact]
    public async Task A_viewer_sees_the_vendor_answers_but_no_way_to_invite_revoke_or_review()
    {
        var draft = await SubmittedAsync();
        var snapshot = await SnapshotAsync(draft);
        SignInAs(Roles.Viewer);
        RenderProviders();

        var cut = Render<VendorPortalPanel>(p => p.Add(x => x.Assessment, snapshot).Add(x => x.CanEdit, false));
        cut.WaitForElement("#vendor-answers");
        cut.WaitForElement("#invitations"); // so that no revoke button means none, not a list still loading

        Assert.Empty(cut.FindAll("#invite-vendor"));
        Assert.Empty(cut.FindAll(".revoke-invitation"));
        Assert.Empty(cut.FindAll(".accept-vendor-answer"));
        Assert.Equal(2, cut.FindAll("[data-review=pending]").Count);
    }
}
