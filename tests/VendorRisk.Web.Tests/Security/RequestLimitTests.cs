using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VendorRisk.Web.Infrastructure.RequestLimits;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Security;

/// <summary>
/// The request limits' windows (ADR 0061): a fixed number of requests per partition and window, a new window once the
/// last has ended, without a timer; partitions whose window has ended dropped; endpoints pick their policy with ASP.NET Core's metadata.
/// </summary>
public sealed class RequestLimitTests
{
    // Long enough that a stalled test machine (a collection, a busy CI run) cannot end a window between two adjacent
    // requests of a test; the limiter's windows run on the system's clock, which a test cannot move.
    private static readonly TimeSpan Short = TimeSpan.FromSeconds(1);

    [Fact]
    public void A_partition_gets_its_limit_in_a_window_then_a_refusal_that_says_when_to_retry()
    {
        var windows = new FixedWindows();
        var limit = new RequestLimit("token:1", 3, TimeSpan.FromMinutes(1));

        var granted = Enumerable.Range(0, 3).Select(_ => windows.Acquire("api", limit).IsAcquired).ToList();
        using var refused = windows.Acquire("api", limit);

        Assert.All(granted, Assert.True);
        Assert.False(refused.IsAcquired);
        Assert.True(refused.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter));
        Assert.InRange(retryAfter, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task Once_the_window_has_ended_the_next_request_starts_a_new_one()
    {
        var windows = new FixedWindows();
        var limit = new RequestLimit("client:10.0.0.1", 1, Short);
        Assert.True(windows.Acquire("sign-in", limit).IsAcquired);
        Assert.False(windows.Acquire("sign-in", limit).IsAcquired);

        await Task.Delay(Short * 2, TestContext.Current.CancellationToken);

        Assert.True(windows.Acquire("sign-in", limit).IsAcquired);
        Assert.False(windows.Acquire("sign-in", limit).IsAcquired);
    }

    [Fact]
    public void Partitions_and_policies_count_apart()
    {
        var windows = new FixedWindows();
        Assert.True(windows.Acquire("api", RequestLimit.PerMinute("a", 1)).IsAcquired);
        Assert.False(windows.Acquire("api", RequestLimit.PerMinute("a", 1)).IsAcquired);

        Assert.True(windows.Acquire("api", RequestLimit.PerMinute("b", 1)).IsAcquired);
        Assert.True(windows.Acquire("portal-link", RequestLimit.PerMinute("a", 1)).IsAcquired);
    }

    [Fact]
    public async Task A_partition_whose_window_has_ended_is_dropped_and_one_inside_its_window_is_kept()
    {
        var windows = new FixedWindows(sweepEvery: Short);
        windows.Acquire("api", new RequestLimit("idle", 5, Short)).Dispose();
        // Used up, in a window far longer than the sweep period: dropping it would hand out a fresh limit at once.
        var busy = new RequestLimit("busy", 1, TimeSpan.FromMinutes(10));
        windows.Acquire("api", busy).Dispose();
        Assert.Equal(2, windows.Count);

        await Task.Delay(Short * 3, TestContext.Current.CancellationToken);
        windows.Acquire("api", RequestLimit.PerMinute("next", 5)).Dispose();

        Assert.Equal(2, windows.Count); // "busy" and "next"
        Assert.False(windows.Acquire("api", busy).IsAcquired);
    }

    [Fact]
    public async Task Endpoints_without_a_policy_or_with_limits_disabled_pass_and_an_unknown_policy_is_a_clear_error()
    {
        var options = new RequestLimitOptions();
        var refusals = new List<int>();
        options.AddPolicy("one", _ => RequestLimit.PerMinute("all", 1), (_, seconds) => { refusals.Add(seconds); return Task.CompletedTask; });
        var passed = 0;
        var middleware = new RequestLimitMiddleware(_ => { passed++; return Task.CompletedTask; }, Options.Create(options), new FixedWindows());

        await middleware.InvokeAsync(Request());
        await middleware.InvokeAsync(Request(new EnableRateLimitingAttribute("one"), new DisableRateLimitingAttribute()));
        await middleware.InvokeAsync(Request(new EnableRateLimitingAttribute("one")));
        var refused = Request(new EnableRateLimitingAttribute("one"));
        await middleware.InvokeAsync(refused);

        Assert.Equal(3, passed);
        Assert.Equal(StatusCodes.Status429TooManyRequests, refused.Response.StatusCode);
        Assert.Equal("60", refused.Response.Headers.RetryAfter.ToString());
        Assert.Equal([60], refusals);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => middleware.InvokeAsync(Request(new EnableRateLimitingAttribute("missing"))));
        Assert.Contains("'missing'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_policy_name_is_registered_once()
    {
        var options = new RequestLimitOptions();
        options.AddPolicy("one", _ => null, (_, _) => Task.CompletedTask);

        var error = Assert.Throws<InvalidOperationException>(() => options.AddPolicy("one", _ => null, (_, _) => Task.CompletedTask));
        Assert.Contains("'one'", error.Message, StringComparison.Ordinal);
    }

    private static DefaultHttpContext Request(params object[] metadata)
    {
        var context = new DefaultHttpContext();
        context.SetEndpoint(new Endpoint(_ => Task.CompletedTask, new EndpointMetadataCollection(metadata), "test"));
        return context;
    }
}

/// <summary>The app limits requests without ASP.NET Core's rate-limiting middleware, whose partitioned limiter runs a 100 ms timer (ADR 0061).</summary>
public sealed class RequestLimitRegistrationTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [Fact]
    public void The_app_registers_its_policies_and_not_the_framework_rate_limiter()
    {
        Assert.Empty(app.Services.GetServices<IConfigureOptions<RateLimiterOptions>>());
        var options = app.Services.GetRequiredService<IOptions<RequestLimitOptions>>().Value;
        foreach (var policy in new[] { Features.Api.ApiSetup.RateLimitPolicy, Features.Account.SignInThrottle.Policy,
                     Features.Portal.PortalAuthentication.OpenLimit, Features.Portal.PortalAuthentication.LinkLimit })
            Assert.NotNull(options.Policy(policy));
    }
}
