using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace VendorRisk.Web.Features.Vendors;

/// <summary>
/// The vendor list, one page at a time from the database; its filters, sort and page live in the address
/// (<c>?q=&amp;tier=&amp;rating=&amp;tag=&amp;archived=&amp;sort=&amp;desc=&amp;page=&amp;size=</c>) so a reload or a shared link keeps them.
/// </summary>
public partial class VendorsPage
{
    private static readonly string[] DefaultRatings = ["Low", "Moderate", "High", "Critical"];

    [SupplyParameterFromQuery(Name = "q")] public string? Search { get; set; }
    [SupplyParameterFromQuery(Name = "tier")] public int? TierParameter { get; set; }
    [SupplyParameterFromQuery(Name = "rating")] public string? RatingParameter { get; set; }
    [SupplyParameterFromQuery(Name = "tag")] public string? TagParameter { get; set; }
    [SupplyParameterFromQuery(Name = "archived")] public bool? ArchivedParameter { get; set; }
    private IReadOnlyList<string> _tags = [];
    private IReadOnlyList<string> _ratings = DefaultRatings;
    private string? _search;
    private int? _tier;
    private string? _rating;
    private string? _tag;
    private bool _archived;
    protected override ListPaging<VendorSort> Paging { get; } = new(VendorSort.Name, _ => false);

    private bool IsFiltered => !string.IsNullOrWhiteSpace(_search) || _tier is not null || _rating is not null || _tag is not null;

    protected override async Task OnInitializedAsync()
    {
        _search = Search;
        _tier = TierParameter;
        _rating = RatingParameter;
        _tag = TagParameter;
        _archived = ArchivedParameter ?? false;
        _tags = await Vendors.ListTagsAsync();
        if (_rating is not null && !_ratings.Contains(_rating))
            _ratings = [.. _ratings, _rating];
    }

    protected override VendorSort SortOf(string? column) => column switch
    {
        nameof(VendorSummary.Tier) => VendorSort.Tier,
        nameof(VendorSummary.LatestScore) => VendorSort.LatestScore,
        nameof(VendorSummary.AssessmentCount) => VendorSort.AssessmentCount,
        _ => VendorSort.Name,
    };

    protected override async Task<(IReadOnlyList<VendorSummary> Items, int Total)> FetchAsync(int skip, int take, CancellationToken cancellationToken)
    {
        var found = await Vendors.PageAsync(new VendorQuery(_search, _tier, _rating, _tag, _archived, Sort: Paging.Sort, Descending: Paging.Descending),
            skip, take, cancellationToken);
        return (found.Items, found.Total);
    }

    protected override Dictionary<string, object?> AddressFilters() => new()
    {
        ["q"] = string.IsNullOrWhiteSpace(_search) ? null : _search,
        ["tier"] = _tier,
        ["rating"] = _rating,
        ["tag"] = _tag,
        ["archived"] = _archived ? true : null,
    };

    private Task SearchChanged(string? value) { _search = value; return ReloadAsync(); }
    private Task TierChanged(int? value) { _tier = value; return ReloadAsync(); }
    private Task RatingChanged(string? value) { _rating = value; return ReloadAsync(); }
    private Task TagChanged(string? value) { _tag = value; return ReloadAsync(); }
    private Task ArchivedChanged(bool value) { _archived = value; return ReloadAsync(); }

    private void Open(VendorSummary vendor) => Navigation.NavigateTo($"/vendors/{vendor.Id}");

    private async Task CreateAsync()
    {
        var id = await VendorDialog.ShowAsync(Dialogs, null);
        if (id is not null)
            Navigation.NavigateTo($"/vendors/{id}");
    }

    private async Task EditAsync(VendorSummary vendor)
    {
        if (await VendorDialog.ShowAsync(Dialogs, await Vendors.GetAsync(vendor.Id)) is not null)
        {
            _tags = await Vendors.ListTagsAsync();
            await ReloadAsync();
        }
    }

    private async Task DeleteAsync(VendorSummary vendor)
    {
        if (vendor.AssessmentCount > 0)
        {
            await Dialogs.ShowMessageBoxAsync("Cannot delete", $"{vendor.Name} has {Plural.Count(vendor.AssessmentCount, "assessment")}; their history must be kept. Archive the vendor instead.", yesText: "OK");
            return;
        }
        var confirmed = await Dialogs.ShowMessageBoxAsync("Delete vendor", $"Delete {vendor.Name}? This cannot be undone.", yesText: "Delete", cancelText: "Cancel");
        if (confirmed == true)
            await RunAsync(() => Vendors.DeleteAsync(vendor.Id), $"{vendor.Name} deleted.");
    }

    private async Task RunAsync(Func<Task> action, string done)
    {
        await Snackbar.RunAsync(action, done);
        await ReloadAsync();
    }

    /// <summary>Tier and headquarters on one caption line, for a tablet that folds their columns.</summary>
    internal static string? FoldedFacts(VendorSummary vendor)
    {
        string?[] facts = [Tiers.Label(vendor.Tier), vendor.HeadquartersCountry];
        var shown = facts.OfType<string>().ToList();
        return shown.Count == 0 ? null : string.Join(" · ", shown);
    }

    /// <summary>A website as a list shows it: "https://northwind.example/" reads "northwind.example" (the vendor's page links it whole).</summary>
    internal static string SiteLabel(string site) =>
        Uri.TryCreate(site, UriKind.Absolute, out var uri) && uri.AbsolutePath == "/" && string.IsNullOrEmpty(uri.Query)
            ? uri.Authority
            : site;
}
