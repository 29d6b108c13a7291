using Bunit;
using VendorRisk.Data.Entities;
using VendorRisk.Web.Features.Reports;
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
}
