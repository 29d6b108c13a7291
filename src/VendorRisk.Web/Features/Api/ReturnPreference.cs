namespace VendorRisk.Web.Features.Api;

/// <summary>The <c>return</c> preference of RFC 7240 (<c>Prefer: return=minimal</c>), which the answers save honours.</summary>
public static class ReturnPreference
{
    public const string RequestHeader = "Prefer";
    public const string AppliedHeader = "Preference-Applied";
    public const string Minimal = "return=minimal";

    /// <summary>
    /// True when the request prefers a minimal response. Preferences are comma-separated, may come in several headers,
    /// carry parameters after <c>;</c> and a quoted value; names are case-insensitive; the first <c>return</c> counts.
    /// </summary>
    public static bool WantsMinimal(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        foreach (var header in request.Headers[RequestHeader])
        {
            foreach (var preference in (header ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var token = preference.Split(';', 2)[0];
                var separator = token.IndexOf('=', StringComparison.Ordinal);
                var name = (separator < 0 ? token : token[..separator]).Trim();
                if (!name.Equals("return", StringComparison.OrdinalIgnoreCase))
                    continue;
                var value = separator < 0 ? "" : token[(separator + 1)..].Trim().Trim('"');
                return value.Equals("minimal", StringComparison.OrdinalIgnoreCase);
            }
        }
        return false;
    }
}
