using Microsoft.Extensions.DependencyInjection;
using VendorRisk.Data.Entities;
using VendorRisk.Domain.Common;
using VendorRisk.Web.Features.Vendors;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Vendors;

/// <summary>The vendor list pages, sorts and filters in the database; every test filters on its own tag so other tests' vendors do not count.</summary>
public sealed class VendorListPagingTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(string Tag, List<int> Ids)> CreateVendorsAsync(int count)
    {
        var tag = "batch-" + Guid.NewGuid().ToString("N")[..8];
        var ids = new List<int>();
        await using var assessor = app.ScopeAs(Roles.Assessor);
        var service = assessor.ServiceProvider.GetRequiredService<VendorService>();
        for (var i = 0; i < count; i++)
        {
            // Names in reverse order of creation, tiers cycling, so sorting by name, id or tier gives different orders.
            var request = TestData.Vendor($"Paged {tag} {count - i:D2}") with { Tags = [tag], Tier = i % 3 + 1 };
            ids.Add(await service.CreateAsync(request, Ct));
        }
        return (tag, ids);
    }

    private async Task<VendorResults> PageAsync(VendorQuery query, int skip, int take)
    {
        await using var viewer = app.ScopeAs(Roles.Viewer);
        return await viewer.ServiceProvider.GetRequiredService<VendorService>().PageAsync(query, skip, take, Ct);
    }

    [Theory]
    [InlineData(-1, 10)]
    [InlineData(0, 0)]
    public async Task A_forged_offset_or_page_size_is_refused_on_page(int skip, int take)
    {
        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => PageAsync(new VendorQuery(), skip, take));
        Assert.Equal(["A page starts at 0 or later and holds at least one vendor."], refused.Errors["page"]);
        Assert.Single(refused.Errors);
    }

    [Fact]
    public async Task Pages_are_disjoint_slices_of_the_sorted_list_with_the_total_of_all()
    {
        var (tag, ids) = await CreateVendorsAsync(7);

        var first = await PageAsync(new VendorQuery(Tag: tag), 0, 3);
        var second = await PageAsync(new VendorQuery(Tag: tag), 3, 3);
        var last = await PageAsync(new VendorQuery(Tag: tag), 6, 3);

        Assert.Equal(7, first.Total);
        Assert.Equal(7, last.Total);
        var names = first.Items.Concat(second.Items).Concat(last.Items).Select(v => v.Name).ToList();
        Assert.Equal(7, names.Distinct().Count());
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.Single(last.Items);
        Assert.Equal(ids.AsEnumerable().Reverse(), first.Items.Concat(second.Items).Concat(last.Items).Select(v => v.Id));
    }

    [Fact]
    public async Task Sorting_by_id_tier_or_descending_name_orders_the_whole_list_before_paging()
    {
        var (tag, ids) = await CreateVendorsAsync(6);

        var byId = await PageAsync(new VendorQuery(Tag: tag, Sort: VendorSort.Id), 0, 4);
        Assert.Equal(ids.Take(4), byId.Items.Select(v => v.Id));

        var byTier = (await PageAsync(new VendorQuery(Tag: tag, Sort: VendorSort.Tier, Descending: true), 0, 10)).Items;
        Assert.Equal(byTier.Select(v => v.Tier).OrderDescending(), byTier.Select(v => v.Tier));
        Assert.Equal(3, byTier[0].Tier);

        var byNameDescending = (await PageAsync(new VendorQuery(Tag: tag, Descending: true), 0, 2)).Items;
        Assert.Equal([ids[0], ids[1]], byNameDescending.Select(v => v.Id));
    }

    [Fact]
    public async Task Filters_search_name_and_tags_ignoring_case_and_combine_with_tier()
    {
        var (tag, ids) = await CreateVendorsAsync(4);

        Assert.Equal(4, (await PageAsync(new VendorQuery(Search: tag.ToUpperInvariant()), 0, 10)).Total);
        Assert.Equal(ids[0], Assert.Single((await PageAsync(new VendorQuery(Search: $"{tag} 04"), 0, 10)).Items).Id);
        var tierOne = await PageAsync(new VendorQuery(Tag: tag.ToUpperInvariant(), Tier: 1), 0, 10);
        Assert.Equal(2, tierOne.Total);
        Assert.All(tierOne.Items, v => Assert.Equal(1, v.Tier));
        Assert.Equal(0, (await PageAsync(new VendorQuery(Tag: tag, Rating: "Low"), 0, 10)).Total);
    }

    [Fact]
    public async Task A_negative_offset_or_an_empty_page_is_refused()
    {
        await Assert.ThrowsAsync<ValidationFailedException>(() => PageAsync(new VendorQuery(), -1, 10));
        await Assert.ThrowsAsync<ValidationFailedException>(() => PageAsync(new VendorQuery(), 0, 0));
    }
}
