namespace VendorRisk.LoadTests.LoadRun.HubCircuits;

/// <summary>
/// What the server sent every simulated circuit together: render batches (each acknowledged with one more message), their
/// bytes, and JS interop calls. Divided by the saves, it shows how many messages a save costs besides its event.
/// </summary>
public static class CircuitTraffic
{
    private static long _batches, _bytes, _jsCalls;

    public readonly record struct Totals(long Batches, long Bytes, long JsCalls)
    {
        public static Totals operator -(Totals a, Totals b) => new(a.Batches - b.Batches, a.Bytes - b.Bytes, a.JsCalls - b.JsCalls);
    }

    public static void RenderBatch(int bytes)
    {
        Interlocked.Increment(ref _batches);
        Interlocked.Add(ref _bytes, bytes);
    }

    public static void JsCall() => Interlocked.Increment(ref _jsCalls);

    public static Totals Now() => new(Interlocked.Read(ref _batches), Interlocked.Read(ref _bytes), Interlocked.Read(ref _jsCalls));
}
