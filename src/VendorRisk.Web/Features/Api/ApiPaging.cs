namespace VendorRisk.Web.Features.Api;

/// <summary>
/// The paging every list endpoint shares (api.md "Paging"): <c>page</c> from 1, <c>pageSize</c> 1–200 (default 100);
/// the body stays an array, the total goes in <c>X-Total-Count</c> and neighbours in a <c>Link</c> header.
/// </summary>
public readonly record struct ApiPage(int Number, int Size)
{
    public const int DefaultSize = 100;
    public const int MaxSize = 200;

    /// <summary>The last page asked for that is answered: past it, the items skipped would not fit an int (and no list is that long).</summary>
    public const int MaxNumber = 10_000_000;

    public int Skip => (Number - 1) * Size;

    /// <summary>Checks the query values; out of range is a 400 on the field, whatever the items are called.</summary>
    /// <param name="refusals">The endpoint's other query refusals, to report with these; null reports these at once.</param>
    public static ApiPage From(int? page, int? pageSize, string items, RequestRefusals? refusals = null)
    {
        var own = refusals ?? new RequestRefusals();
        if (page is < 1 or > MaxNumber)
            own.Add("page", $"Pages go from 1 to {MaxNumber:N0}.");
        if (pageSize is < 1 or > MaxSize)
            own.Add("pageSize", $"A page holds 1 to {MaxSize} {items}.");
        if (refusals is null)
            own.ThrowIfAny();
        return new ApiPage(page ?? 1, pageSize ?? DefaultSize);
    }

    /// <summary>One page of an already ordered list, with the paging headers written.</summary>
    public IReadOnlyList<T> Of<T>(HttpContext context, IReadOnlyCollection<T> ordered)
    {
        WriteHeaders(context, ordered.Count);
        return ordered.Skip(Skip).Take(Size).ToList();
    }

    public void WriteHeaders(HttpContext context, int total)
    {
        context.Response.Headers["X-Total-Count"] = total.ToString(CultureInfo.InvariantCulture);
        var links = new List<string>();
        if ((long)Number * Size < total)
            links.Add($"<{Url(context, Number + 1)}>; rel=\"next\"");
        if (Number > 1)
            links.Add($"<{Url(context, Number - 1)}>; rel=\"prev\"");
        if (links.Count > 0)
            context.Response.Headers.Link = string.Join(", ", links);
    }

    private static string Url(HttpContext context, int page)
    {
        var query = context.Request.Query.Where(q => q.Key is not "page")
            .Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value.ToString())}")
            .Append($"page={page.ToString(CultureInfo.InvariantCulture)}");
        return $"{context.Request.PathBase}{context.Request.Path}?{string.Join('&', query)}";
    }
}
