using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace VendorRisk.Web.Infrastructure.RequestLimits;

/// <summary>
/// One <see cref="FixedWindowRateLimiter"/> per policy and partition, started afresh when a request finds its last window
/// over (<c>TryReplenish</c>), not by a timer: ASP.NET Core's partitioned limiter wakes the process ten times a second for
/// as long as it runs, which was a third of an idle server's CPU (ADR 0061). A window begins with the first request after
/// the previous one ended. At most once per <see cref="SweepEvery"/>, on a request, the partitions whose window has ended
/// are dropped: a new limiter would start in the same state.
/// </summary>
public sealed class FixedWindows
{
    public static readonly TimeSpan SweepEvery = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<(string Policy, string Partition), (FixedWindowRateLimiter Limiter, int PermitLimit)> _limiters = new();
    private readonly TimeSpan _sweepEvery;
    private long _nextSweep;

    public FixedWindows() : this(SweepEvery)
    {
    }

    internal FixedWindows(TimeSpan sweepEvery)
    {
        _sweepEvery = sweepEvery;
        _nextSweep = Environment.TickCount64 + (long)sweepEvery.TotalMilliseconds;
    }

    /// <summary>The partitions held now.</summary>
    public int Count => _limiters.Count;

    /// <summary>Takes one permit from the request's partition; the lease says whether it was granted, and when to retry if not.</summary>
    public RateLimitLease Acquire(string policy, RequestLimit limit)
    {
        SweepIfDue();
        var (limiter, _) = _limiters.GetOrAdd((policy, limit.Partition), static (_, l) =>
        {
            var permits = Math.Max(1, l.PermitLimit);
            return (new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = l.Window,
                QueueLimit = 0,
                AutoReplenishment = false,
            }), permits);
        }, limit);
        limiter.TryReplenish();
        return limiter.AttemptAcquire();
    }

    private void SweepIfDue()
    {
        var now = Environment.TickCount64;
        var due = Interlocked.Read(ref _nextSweep);
        if (now < due || Interlocked.CompareExchange(ref _nextSweep, now + (long)_sweepEvery.TotalMilliseconds, due) != due)
            return;
        foreach (var (key, (limiter, permits)) in _limiters)
        {
            // A limiter without a timer is never disposed: a request that found it just before it was dropped still uses it.
            limiter.TryReplenish();
            if (limiter.GetStatistics()?.CurrentAvailablePermits >= permits)
                _limiters.TryRemove(key, out _);
        }
    }
}
