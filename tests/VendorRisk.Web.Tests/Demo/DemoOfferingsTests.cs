using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VendorRisk.Data.Entities;
using VendorRisk.Web.Features.Compare;
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
}
