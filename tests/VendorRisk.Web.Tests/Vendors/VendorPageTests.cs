using Bunit;
using VendorRisk.Data.Entities;
using VendorRisk.Web.Features.Reports;
using VendorRisk.Web.Features.Shared;
using VendorRisk.Web.Features.Vendors;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Vendors;

public sealed class VendorPageTests(WebAppFixture app) : PageTestBase(app), IClassFixture<WebAppFixture>
{
    [Fact]
    public async Task Each_assessment_in_the_vendors_list_links_to_its_PDF_report()
    {
        var id = await TestData.CreateDraftAsync(App);
        int vendorId;
        await using (var db = await App.CreateDbContextAsync())
            vendorId = db.Assessments.Single(a => a.Id == id).VendorId;
        SignInAs(Roles.Viewer);
        RenderProviders();

        var cut = Render<VendorPage>(p => p.Add(x => x.Id, vendorId));

        var link = cut.WaitForElement("#vendor-assessments a.vr-pdf-link");
        Assert.Equal(ReportEndpoints.AssessmentReportPath(id), link.GetAttribute("href"));
        Assert.Contains("Export PDF", link.TextContent, StringComparison.Ordinal);
        using var client = await App.SignedInClientAsync(Roles.Viewer);
        var response = await client.GetAsync(link.GetAttribute("href"), Xunit.TestContext.Current.CancellationToken);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_history_marks_a_partly_answered_drafts_score_as_so_far_and_names_only_its_answered_knockouts()
    {
        var id = await TestData.CreatePartlyAnsweredDraftAsync(App);
        var cut = await RenderVendorPageOfAsync(id);

        var cell = cut.WaitForElement($"#vendor-assessments tr:has(a[href='/assessments/{id}']) td[data-label='Score and rating']");
        Assert.Equal("so far", cell.QuerySelector(".vr-provisional")?.TextContent.Trim());
        Assert.Equal(ShownScore.ProvisionalText, cell.QuerySelector(".vr-provisional")?.GetAttribute("title"));
        // Its unanswered critical questions are not findings yet (the stored score names all six).
        Assert.Null(cell.QuerySelector(".vr-knockouts"));
    }

    [Fact]
    public async Task The_history_says_not_scored_yet_for_an_empty_draft()
    {
        var id = await TestData.CreateDraftAsync(App);
        var cut = await RenderVendorPageOfAsync(id);

        var cell = cut.WaitForElement($"#vendor-assessments tr:has(a[href='/assessments/{id}']) td[data-label='Score and rating']");
        Assert.Contains(ShownScore.NotScoredText, cell.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Critical", cell.TextContent, StringComparison.Ordinal);
    }

    private async Task<IRenderedComponent<VendorPage>> RenderVendorPageOfAsync(int assessmentId)
    {
        int vendorId;
        await using (var db = await App.CreateDbContextAsync())
            vendorId = db.Assessments.Single(a => a.Id == assessmentId).VendorId;
        SignInAs(Roles.Viewer);
        RenderProviders();
        return Render<VendorPage>(p => p.Add(x => x.Id, vendorId));
    }
}
