using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VendorRisk.Data.Entities;
using VendorRisk.Web.Features.Compare;
using VendorRisk.Web.Features.Dashboard;
using VendorRisk.Web.Tests.Compare;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Demo;

public sealed class DemoOfferingsTests(DemoFixture app) : IClassFixture<DemoFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_demo_compares_two_offerings_of_one_vendor_side_by_side_by_default()
    {
        await using var db = await app.CreateDbContextAsync();
        var northwind = await db.Vendors.SingleAsync(v => v.Name == "Northwind Cognition", Ct);
        var offerings = await db.ModelOfferings.Where(o => o.VendorId == northwind.Id).Select(o => o.Name).ToListAsync(Ct);
        Assert.Contains("Atlas 3", offerings);
        Assert.Contains("Atlas 3 Mini", offerings);

        await using var scope = app.ScopeAs(Roles.Viewer);
        var compare = scope.ServiceProvider.GetRequiredService<CompareService>();
        var selection = await compare.DefaultSelectionAsync(CompareTestData.FrontierKey, Ct);
        var loaded = await compare.LoadAsync(selection, null, null, Ct);

        var labels = loaded.Result.Ranking.Select(r => r.Label).ToList();
        Assert.Contains("Northwind Cognition · Atlas 3", labels);
        Assert.Contains("Northwind Cognition · Atlas 3 Mini", labels);
        var mini = loaded.Snapshots.Single(s => s.ModelName == "Atlas 3 Mini");
        Assert.Equal(0.4, mini.AnswerValues["price-input"].Number);
    }

    [Fact]
    public async Task The_dashboard_heat_map_names_the_offering_of_each_row_it_shows()
    {
        await using var scope = app.ScopeAs(Roles.Viewer);
        var summary = await scope.ServiceProvider.GetRequiredService<DashboardService>().GetAsync(Ct);

        var rows = summary.HeatMaps.SelectMany(m => m.Rows).ToList();
        Assert.NotEmpty(rows);
        await using var db = await app.CreateDbContextAsync();
        foreach (var row in rows)
        {
            var model = await db.Assessments.Where(a => a.Id == row.AssessmentId).Select(a => a.ModelOffering == null ? null : a.ModelOffering.Name).SingleAsync(Ct);
            Assert.Equal(model is null ? row.VendorName : $"{row.VendorName} · {model}", row.Label);
        }
        Assert.Contains(rows, r => r.Label.StartsWith("Northwind Cognition · ", StringComparison.Ordinal));
    }
}
