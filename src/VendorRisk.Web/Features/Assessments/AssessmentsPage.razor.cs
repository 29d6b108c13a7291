using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace VendorRisk.Web.Features.Assessments;

/// <summary>A vendor in the filter's picker.</summary>
public sealed record VendorOption(int Id, string Name);

/// <summary>
/// Every assessment, one page at a time from the database; filters, sort and page live in the address
/// (<c>?status=&amp;vendor=&amp;mine=&amp;rating=&amp;sort=&amp;desc=&amp;page=&amp;size=</c>) so a reload or a shared link keeps them.
/// </summary>
public partial class AssessmentsPage
{
    [SupplyParameterFromQuery(Name = "status")] public string? StatusParameter { get; set; }
    [SupplyParameterFromQuery(Name = "vendor")] public int? VendorParameter { get; set; }
    [SupplyParameterFromQuery(Name = "mine")] public bool? MineParameter { get; set; }
    [SupplyParameterFromQuery(Name = "rating")] public string? RatingParameter { get; set; }
    private bool _mine;
    private AssessmentStatus? _status;
    private VendorOption? _vendor;
    private string? _rating;
    private string? _userId;
    protected override ListPaging<AssessmentSort> Paging { get; } = new(AssessmentSort.Created, sort => sort == AssessmentSort.Created);

    protected override async Task OnInitializedAsync()
    {
        _userId = (await CurrentUser.GetAsync())?.UserId;
        _status = KebabEnum.Parse<AssessmentStatus>(StatusParameter);
        _mine = MineParameter ?? false;
        _rating = string.IsNullOrWhiteSpace(RatingParameter) ? null : RatingParameter.Trim();
        ReadPagingFromAddress();
        if (VendorParameter is { } vendorId)
        {
            var vendor = await Vendors.GetAsync(vendorId);
            _vendor = new VendorOption(vendor.Id, vendor.Name);
        }
    }

    protected override AssessmentSort SortOf(string? column) => column switch
    {
        nameof(AssessmentListRow.Title) => AssessmentSort.Title,
        nameof(AssessmentListRow.Label) => AssessmentSort.Vendor,
        nameof(AssessmentListRow.Status) => AssessmentSort.Status,
        "Shown.Overall" or nameof(ShownScore.Overall) => AssessmentSort.Score,
        nameof(AssessmentListRow.Completeness) => AssessmentSort.Completeness,
        nameof(AssessmentListRow.DueDate) => AssessmentSort.Due,
        _ => AssessmentSort.Created,
    };

    protected override async Task<(IReadOnlyList<AssessmentListRow> Items, int Total)> FetchAsync(int skip, int take, CancellationToken cancellationToken)
    {
        var found = await Assessments.PageAsync(new AssessmentListQuery(_status, _vendor?.Id, _mine ? _userId : null, _rating, Paging.Sort, Paging.Descending),
            skip, take, cancellationToken);
        return (found.Items, found.Total);
    }

    protected override Dictionary<string, object?> AddressFilters() => new()
    {
        ["status"] = _status is { } status ? KebabEnum.ToKebab(status) : null,
        ["vendor"] = _vendor?.Id,
        ["mine"] = _mine ? true : null,
        ["rating"] = _rating,
    };

    private async Task<IEnumerable<VendorOption>> SearchVendorsAsync(string? text, CancellationToken cancellationToken) =>
        (await Vendors.SearchNamesAsync(text, 20, cancellationToken)).Select(v => new VendorOption(v.Id, v.Name));

    private void OpenRow(DataGridRowClickEventArgs<AssessmentListRow> e) => Navigation.NavigateTo($"/assessments/{e.Item.Id}");

    private Task StatusChanged(AssessmentStatus? value) { _status = value; return ReloadAsync(); }
    private Task VendorChanged(VendorOption? value) { _vendor = value; return ReloadAsync(); }
    private Task MineChanged(bool value) { _mine = value; return ReloadAsync(); }
    private Task ClearRatingAsync(MudChip<string> chip) { _rating = null; return ReloadAsync(); }

    private async Task NewAsync()
    {
        var id = await NewAssessmentDialog.ShowAsync(Dialogs, _vendor?.Id);
        if (id is not null)
            Navigation.NavigateTo($"/assessments/{id}");
    }
}
