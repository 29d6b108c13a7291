using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace VendorRisk.Web.Infrastructure.RequestLimits;

/// <summary>
/// Limits the requests of endpoints that name a policy (<c>RequireRateLimiting</c>, <c>[EnableRateLimiting]</c>; ASP.NET
/// Core's metadata, so the endpoints read as they would with its middleware). Over the limit: 429 with <c>Retry-After</c>.
/// </summary>
public sealed class RequestLimitMiddleware(RequestDelegate next, IOptions<RequestLimitOptions> options, FixedWindows windows)
{
    public Task InvokeAsync(HttpContext context)
    {
        var metadata = context.GetEndpoint()?.Metadata;
        if (metadata?.GetMetadata<EnableRateLimitingAttribute>() is not { PolicyName: { } name } || metadata.GetMetadata<DisableRateLimitingAttribute>() is not null)
            return next(context);
        var policy = options.Value.Policy(name);
        if (policy.LimitOf(context) is not { } limit)
            return next(context);
        // A fixed window counts requests, not requests in flight: its lease holds nothing while the request runs.
        using var lease = windows.Acquire(name, limit);
        return lease.IsAcquired ? next(context) : RefuseAsync(context, policy, lease, limit);
    }

    private static Task RefuseAsync(HttpContext context, RequestLimitPolicy policy, RateLimitLease lease, RequestLimit limit)
    {
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : limit.Window;
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return policy.RefuseAsync(context, seconds);
    }
}

public static class RequestLimitsSetup
{
    /// <summary>The windows the middleware keeps; each area adds its policies with <c>Configure&lt;RequestLimitOptions&gt;</c>.</summary>
    public static IServiceCollection AddRequestLimits(this IServiceCollection services)
    {
        services.AddSingleton<FixedWindows>();
        return services;
    }

    public static IApplicationBuilder UseRequestLimits(this IApplicationBuilder app) => app.UseMiddleware<RequestLimitMiddleware>();
}
