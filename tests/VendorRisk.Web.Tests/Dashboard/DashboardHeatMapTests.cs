using Microsoft.Extensions.DependencyInjection;
using VendorRisk.Web.Features.Dashboard;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Dashboard;

/// <summary>A vendor with nothing approved shows its latest assessment in the heat map: an incomplete draft's score is "so far".</summary>
public sealed class DashboardHeatMapTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [Fact]
    public async Task A_vendors_incomplete_draft_in_the_heat_map_is_provisional()
    {
        var draft = await TestData.CreatePartlyAnsweredDraftAsync(app);

        await using var viewer = app.ScopeAs(Roles.Viewer);
        var summary = await viewer.ServiceProvider.GetRequiredService<DashboardService>().GetAsync(TestContext.Current.CancellationToken);

        Assert.True(summary.HeatMaps.SelectMany(m => m.Rows).Single(r => r.AssessmentId == draft).Provisional);
    }
}
