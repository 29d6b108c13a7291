using Microsoft.AspNetCore.Components;
using MudBlazor;
using VendorRisk.Web.Features.Assessments;
using VendorRisk.Web.Features.Shared;
using VendorRisk.Web.Features.Vendors;

namespace VendorRisk.Web.Tests.Layout;

/// <summary>The page, size and sort that the vendor and assessment lists keep in their address.</summary>
public sealed class ListPagingTests
{
    private static ListPaging<AssessmentSort> Assessments() => new(AssessmentSort.Created, sort => sort == AssessmentSort.Created);
    private static ListPaging<VendorSort> Vendors() => new(VendorSort.Name, _ => false);

    [Fact]
    public void An_empty_address_gives_the_first_page_of_25_in_the_default_sort()
    {
        var paging = Assessments();
        paging.Read(null, null, null, null);
        Assert.Equal((0, 25, AssessmentSort.Created, true), (paging.Page, paging.PageSize, paging.Sort, paging.Descending));
        Assert.Equal(SortDirection.Descending, paging.InitialDirection(AssessmentSort.Created));
        Assert.Equal(SortDirection.None, paging.InitialDirection(AssessmentSort.Title));
    }

    [Fact]
    public void The_address_is_read_with_unknown_sizes_sorts_and_pages_ignored()
    {
        var paging = Assessments();
        paging.Read(3, 50, "title", null);
        Assert.Equal((2, 50, AssessmentSort.Title, false), (paging.Page, paging.PageSize, paging.Sort, paging.Descending));
        Assert.Equal(SortDirection.Ascending, paging.InitialDirection(AssessmentSort.Title));

        paging.Read(-4, 30, "no-such-column", false);
        Assert.Equal((0, 25, AssessmentSort.Created, false), (paging.Page, paging.PageSize, paging.Sort, paging.Descending));
    }

    [Fact]
    public void Defaults_are_left_out_of_the_address_and_the_filters_stay_first()
    {
        var navigation = new RecordingNavigation();
        var paging = Vendors();
        paging.Read(null, null, null, null);
        paging.KeepInAddress(navigation, new Dictionary<string, object?> { ["q"] = "acme", ["tier"] = null }, page: 0, "/vendors");
        Assert.Equal("http://localhost/vendors?q=acme", navigation.Last);

        paging.Read(2, 100, "tier", true);
        paging.KeepInAddress(navigation, new Dictionary<string, object?> { ["q"] = "acme" }, page: 1, "/vendors");
        Assert.Equal("http://localhost/vendors?q=acme&sort=tier&desc=True&page=2&size=100", navigation.Last);
        Assert.True(navigation.Replaced);
    }

    [Fact]
    public void A_sort_that_runs_descending_by_default_writes_desc_only_when_ascending()
    {
        var navigation = new RecordingNavigation();
        var paging = Assessments();
        paging.Read(null, null, null, false);
        paging.KeepInAddress(navigation, [], page: 0, "/vendors");
        Assert.Equal("http://localhost/vendors?desc=False", navigation.Last);
    }

    [Theory]
    [InlineData("http://localhost/vendors?q=acme&page=2", 2, 1)] // the address already says it (a first load)
    [InlineData("http://localhost/assessments", 3, 2)] // the user clicked "Assessments" while the vendors' rows were loading
    public void Nothing_is_written_when_the_address_already_says_it_or_the_user_has_left_the_list(string address, int pageInAddress, int page)
    {
        var navigation = new RecordingNavigation(address);
        var paging = Vendors();
        paging.Read(pageInAddress, null, null, null);

        paging.KeepInAddress(navigation, new Dictionary<string, object?> { ["q"] = "acme" }, page, "/vendors");

        Assert.Null(navigation.Last);
    }

    private sealed class RecordingNavigation : NavigationManager
    {
        public RecordingNavigation(string uri = "http://localhost/vendors") => Initialize("http://localhost/", uri);

        public string? Last { get; private set; }
        public bool Replaced { get; private set; }

        protected override void NavigateToCore(string uri, NavigationOptions options) => (Last, Replaced) = (uri, options.ReplaceHistoryEntry);
    }
}
