using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace VendorRisk.Web.Features.Shared;

/// <summary>
/// The page, page size and sort of a server-paged list, read from its address and written back to it
/// (<c>sort</c>, <c>desc</c>, <c>page</c> counting from 1, <c>size</c>; values at their default are left out).
/// </summary>
/// <param name="defaultDescending">Whether a sort runs descending unless the address says otherwise.</param>
public sealed class ListPaging<TSort> where TSort : struct, Enum
{
    private readonly TSort defaultSort;
    private readonly Func<TSort, bool> defaultDescending;

    public ListPaging(TSort defaultSort, Func<TSort, bool> defaultDescending)
    {
        this.defaultSort = Sort = defaultSort;
        this.defaultDescending = defaultDescending;
        Descending = defaultDescending(defaultSort);
    }

    /// <summary>Zero-based, as the grid counts.</summary>
    public int Page { get; set; }
    public int PageSize { get; private set; } = ListAddress.DefaultPageSize;
    public TSort Sort { get; private set; }
    public bool Descending { get; private set; }

    public void Read(int? page, int? size, string? sort, bool? descending)
    {
        Page = Math.Max(0, (page ?? 1) - 1);
        PageSize = size is { } s && ListAddress.PageSizes.Contains(s) ? s : ListAddress.DefaultPageSize;
        Sort = ListAddress.ParseEnum(sort, defaultSort);
        Descending = descending ?? defaultDescending(Sort);
    }

    public SortDirection InitialDirection(TSort column) =>
        !column.Equals(Sort) ? SortDirection.None : Descending ? SortDirection.Descending : SortDirection.Ascending;

    /// <summary>Takes the grid's page size and sort; <paramref name="sortOf"/> maps the sorted column (null: none) to a sort.</summary>
    public void Take<T>(GridState<T> state, Func<string?, TSort> sortOf)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        Sort = sortOf(sort?.SortBy);
        Descending = sort?.Descending ?? defaultDescending(defaultSort);
        PageSize = state.PageSize;
    }

    /// <summary>Replaces the address with <paramref name="filters"/> and this paging at <paramref name="page"/>, so a reload or a shared link keeps them.</summary>
    /// <param name="listPath">The list page's own path (<c>/vendors</c>): a list the user has left
    /// (<see cref="ListAddress.IsShown"/>), or an address that already says it (a first load), writes nothing.</param>
    public void KeepInAddress(NavigationManager navigation, Dictionary<string, object?> filters, int page, string listPath)
    {
        if (!ListAddress.IsShown(navigation, listPath))
            return;
        filters["sort"] = Sort.Equals(defaultSort) ? null : ListAddress.Format(Sort);
        filters["desc"] = Descending == defaultDescending(Sort) ? null : Descending;
        filters["page"] = page > 0 ? page + 1 : null;
        filters["size"] = PageSize == ListAddress.DefaultPageSize ? null : PageSize;
        var address = navigation.GetUriWithQueryParameters(filters);
        if (!string.Equals(address, navigation.Uri, StringComparison.Ordinal))
            navigation.NavigateTo(address, replace: true);
    }
}
