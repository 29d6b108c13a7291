using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace VendorRisk.Web.Features.Shared;

/// <summary>
/// A list page whose grid loads one page at a time from the database, and whose filters, sort and page live in the
/// address (<c>sort</c>, <c>desc</c>, <c>page</c>, <c>size</c> here, the filters in the page) so a reload or a shared link keeps them.
/// </summary>
public abstract class ServerPagedPage<TRow, TSort> : ComponentBase where TSort : struct, Enum
{
    [SupplyParameterFromQuery(Name = "sort")] public string? SortParameter { get; set; }
    [SupplyParameterFromQuery(Name = "desc")] public bool? DescendingParameter { get; set; }
    [SupplyParameterFromQuery(Name = "page")] public int? PageParameter { get; set; }
    [SupplyParameterFromQuery(Name = "size")] public int? SizeParameter { get; set; }

    [Inject] protected NavigationManager Navigation { get; set; } = null!;

    protected MudDataGrid<TRow>? Grid { get; set; }

    protected abstract ListPaging<TSort> Paging { get; }

    /// <summary>The sort for the grid's sorted column (null: none).</summary>
    protected abstract TSort SortOf(string? column);

    /// <summary>One page of rows with the current filters and <see cref="Paging"/>'s sort, and how many there are in all.</summary>
    protected abstract Task<(IReadOnlyList<TRow> Items, int Total)> FetchAsync(int skip, int take, CancellationToken cancellationToken);

    /// <summary>The filters as address parameters (null leaves one out).</summary>
    protected abstract Dictionary<string, object?> AddressFilters();

    /// <summary>
    /// Reads the paging before anything is awaited: a page's first render happens at its first await (an async database
    /// driver really awaits), and the grid takes its page size and initial sort from that render.
    /// </summary>
    protected override void OnInitialized()
    {
        _listPath = new Uri(Navigation.Uri).AbsolutePath;
        Paging.Read(PageParameter, SizeParameter, SortParameter, DescendingParameter);
    }

    private string _listPath = "/";

    protected async Task<GridData<TRow>> LoadPageAsync(GridState<TRow> state, CancellationToken cancellationToken)
    {
        Paging.Take(state, SortOf);
        var (items, total) = await FetchAsync(state.Page * state.PageSize, state.PageSize, cancellationToken);
        if (RendererInfo.IsInteractive)
            Paging.KeepInAddress(Navigation, AddressFilters(), state.Page, _listPath);
        return new GridData<TRow> { Items = items, TotalItems = total };
    }

    protected Task ReloadAsync() => Grid?.ReloadServerData() ?? Task.CompletedTask;
}
