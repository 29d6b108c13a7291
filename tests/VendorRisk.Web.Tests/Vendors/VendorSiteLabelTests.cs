using VendorRisk.Web.Features.Vendors;

namespace VendorRisk.Web.Tests.Vendors;

/// <summary>How the vendors list shows a website: a bare site by its host (and a port that is not the default), anything else whole.</summary>
public sealed class VendorSiteLabelTests
{
    [Theory]
    [InlineData("https://northwind.example/", "northwind.example")]
    [InlineData("https://northwind.example", "northwind.example")]
    [InlineData("http://northwind.example:8080/", "northwind.example:8080")]
    [InlineData("https://northwind.example/trust", "https://northwind.example/trust")]
    [InlineData("https://northwind.example/?lang=en", "https://northwind.example/?lang=en")]
    [InlineData("not a url", "not a url")]
    public void A_bare_site_reads_as_its_host(string site, string label) =>
        Assert.Equal(label, VendorsPage.SiteLabel(site));
}

/// <summary>What a tablet shows under a vendor's name when it folds the Tier and HQ columns.</summary>
public sealed class VendorFoldedFactsTests
{
    [Theory]
    [InlineData(2, "FR", "Tier 2 · FR")]
    [InlineData(null, "FR", "FR")]
    [InlineData(3, null, "Tier 3")]
    [InlineData(null, null, null)]
    public void Tier_and_headquarters_share_one_line(int? tier, string? country, string? line) =>
        Assert.Equal(line, VendorsPage.FoldedFacts(new VendorSummary(1, "Lumenfall Models", null, country, tier, [], false, null, null, null, [], 0, 1)));
}

