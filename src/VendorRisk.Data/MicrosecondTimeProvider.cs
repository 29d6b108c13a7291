namespace VendorRisk.Data;

/// <summary>
/// The app's clock: another clock's time cut to the microsecond, the finest PostgreSQL stores, so every time the app
/// writes or hands out (a use case's, an audit entry's, a portal save's) equals the one a later read gives back, on
/// either provider. Timers and timestamps are the other clock's.
/// </summary>
public sealed class MicrosecondTimeProvider(TimeProvider inner) : TimeProvider
{
    /// <summary>The system clock, cut to the microsecond.</summary>
    public static MicrosecondTimeProvider Default { get; } = new(TimeProvider.System);

    public override DateTimeOffset GetUtcNow()
    {
        var now = inner.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
    }

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override long GetTimestamp() => inner.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        inner.CreateTimer(callback, state, dueTime, period);
}
