namespace VendorRisk.Web.Infrastructure.RequestLimits;

/// <summary>How many requests one partition (an API token, a portal link, a client address) may make in each window.</summary>
public readonly record struct RequestLimit(string Partition, int PermitLimit, TimeSpan Window)
{
    public static RequestLimit PerMinute(string partition, int permitLimit) => new(partition, permitLimit, TimeSpan.FromMinutes(1));
}

/// <summary>
/// A policy: the request's partition and limit (null when it does not limit the request), and the body of its refusal,
/// written after the 429 and its <c>Retry-After</c> are set (the arguments are the request and the seconds to wait).
/// </summary>
public sealed record RequestLimitPolicy(Func<HttpContext, RequestLimit?> LimitOf, Func<HttpContext, int, Task> RefuseAsync);

/// <summary>
/// The named request-limit policies an endpoint picks with ASP.NET Core's <c>RequireRateLimiting(name)</c> or
/// <c>[EnableRateLimiting(name)]</c>. Each area registers its own and writes its own refusals.
/// </summary>
public sealed class RequestLimitOptions
{
    private readonly Dictionary<string, RequestLimitPolicy> _policies = new(StringComparer.Ordinal);

    public void AddPolicy(string name, Func<HttpContext, RequestLimit?> limitOf, Func<HttpContext, int, Task> refuseAsync)
    {
        ArgumentNullException.ThrowIfNull(limitOf);
        ArgumentNullException.ThrowIfNull(refuseAsync);
        if (!_policies.TryAdd(name, new RequestLimitPolicy(limitOf, refuseAsync)))
            throw new InvalidOperationException($"A request-limit policy named '{name}' is already registered.");
    }

    internal RequestLimitPolicy Policy(string name) =>
        _policies.TryGetValue(name, out var policy)
            ? policy
            : throw new InvalidOperationException($"An endpoint asks for the request-limit policy '{name}', which is not registered.");
}
