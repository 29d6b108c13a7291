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
    private static readonly int[] PageSizes = [25, 50, 100];

    [SupplyParameterFromQuery(Name = "status")] public string? StatusParameter { get; set; }
    [SupplyParameterFromQuery(Name = "vendor")] public int? VendorParameter { get; set; }
    [SupplyParameterFromQuery(Name = "mine")] public bool? MineParameter { get; set; }
    [SupplyParameterFromQuery(Name = "rating")] public string? RatingParameter { get; set; }
    [SupplyParameterFromQuery(Name = "sort")] public string? SortParameter { get; set; }
    [SupplyParameterFromQuery(Name = "desc")] public bool? DescendingParameter { get; set; }
    [SupplyParameterFromQuery(Name = "page")] public int? PageParameter { get; set; }
    [SupplyParameterFromQuery(Name = "size")] public int? SizeParameter { get; set; }

    private MudDataGrid<AssessmentListRow>? _grid;
    private bool _mine;
    private AssessmentStatus? _status;
    private VendorOption? _vendor;
    private string? _rating;
    private string? _userId;
    private int _page;
    private int _pageSize = 25;
    private AssessmentSort _sort = AssessmentSort.Created;
    private bool _descending = true;

    protected override async Task OnInitializedAsync()
    {
        _userId = (await CurrentUser.GetAsync())?.UserId;
        _status = KebabEnum.Parse<AssessmentStatus>(StatusParameter);
        _mine = MineParameter ?? false;
        _rating = string.IsNullOrWhiteSpace(RatingParameter) ? null : RatingParameter.Trim();
        _page = Math.Max(0, (PageParameter ?? 1) - 1);
        _pageSize = SizeParameter is { } size && PageSizes.Contains(size) ? size : 25;
        _sort = ListAddress.ParseEnum(SortParameter, AssessmentSort.Created);
        _descending = DescendingParameter ?? _sort == AssessmentSort.Created;
        if (VendorParameter is { } vendorId)
        {
            var vendor = await Vendors.GetAsync(vendorId);
            _vendor = new VendorOption(vendor.Id, vendor.Name);
        }
    }

    private SortDirection InitialDirection(AssessmentSort column) =>
        column != _sort ? SortDirection.None : _descending ? SortDirection.Descending : SortDirection.Ascending;

    private async Task<GridData<AssessmentListRow>> LoadPageAsync(GridState<AssessmentListRow> state, CancellationToken cancellationToken)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        _sort = sort?.SortBy switch
        {
            nameof(AssessmentListRow.Title) => AssessmentSort.Title,
            nameof(AssessmentListRow.Label) => AssessmentSort.Vendor,
            nameof(AssessmentListRow.Status) => AssessmentSort.Status,
            "Shown.Overall" or nameof(ShownScore.Overall) => AssessmentSort.Score,
            nameof(AssessmentListRow.Completeness) => AssessmentSort.Completeness,
            nameof(AssessmentListRow.DueDate) => AssessmentSort.Due,
            _ => AssessmentSort.Created,
        };
        _descending = sort?.Descending ?? true;
        _pageSize = state.PageSize;
        var found = await Assessments.PageAsync(new AssessmentListQuery(_status, _vendor?.Id, _mine ? _userId : null, _rating, _sort, _descending),
            state.Page * state.PageSize, state.PageSize, cancellationToken);
        KeepInAddress(state.Page);
        return new GridData<AssessmentListRow> { Items = found.Items, TotalItems = found.Total };
    }

    private void KeepInAddress(int page)
    {
        if (!RendererInfo.IsInteractive)
            return;
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            ["status"] = _status is { } status ? KebabEnum.ToKebab(status) : null,
            ["vendor"] = _vendor?.Id,
            ["mine"] = _mine ? true : null,
            ["rating"] = _rating,
            ["sort"] = _sort == AssessmentSort.Created ? null : ListAddress.Format(_sort),
            ["desc"] = _descending == (_sort == AssessmentSort.Created) ? null : _descending,
            ["page"] = page > 0 ? page + 1 : null,
            ["size"] = _pageSize == 25 ? null : _pageSize,
        }), replace: true);
    }

    private async Task<IEnumerable<VendorOption>> SearchVendorsAsync(string? text, CancellationToken cancellationToken) =>
        (await Vendors.SearchNamesAsync(text, 20, cancellationToken)).Select(v => new VendorOption(v.Id, v.Name));

    private Task ReloadAsync() => _grid?.ReloadServerData() ?? Task.CompletedTask;

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
