namespace VendorRisk.Web.Infrastructure.RequestLimits;

/// <summary>How many requests one partition (an API token, a portal link, a client address) may make in each window.</summary>
public readonly record struct RequestLimit(string Partition, int PermitLimit, TimeSpan Window)
{
    public static RequestLimit PerMinute(string partition, int permitLimit) => new(partition, permitLimit, TimeSpan.FromMinutes(1));
}

/// <summary>
/// The named request-limit policies an endpoint picks with ASP.NET Core's <c>RequireRateLimiting(name)</c> or
/// <c>[EnableRateLimiting(name)]</c>, and how a refusal is written (after the 429 and its <c>Retry-After</c> are set).
/// </summary>
public sealed class RequestLimitOptions
{
    private readonly Dictionary<string, Func<HttpContext, RequestLimit?>> _policies = new(StringComparer.Ordinal);

    /// <summary>Adds a policy; <paramref name="limitOf"/> gives the request's partition and limit, or null when it is not limited.</summary>
    public void AddPolicy(string name, Func<HttpContext, RequestLimit?> limitOf)
    {
        ArgumentNullException.ThrowIfNull(limitOf);
        if (!_policies.TryAdd(name, limitOf))
            throw new InvalidOperationException($"A request-limit policy named '{name}' is already registered.");
    }

    /// <summary>Writes the body of a refusal; the arguments are the request and the seconds to wait.</summary>
    public Func<HttpContext, int, Task> OnRejected { get; set; } = (_, _) => Task.CompletedTask;

    internal Func<HttpContext, RequestLimit?> Policy(string name) =>
        _policies.TryGetValue(name, out var policy)
            ? policy
            : throw new InvalidOperationException($"An endpoint asks for the request-limit policy '{name}', which is not registered.");
}
