using System.Collections.Concurrent;

namespace VendorRisk.LoadTests.LoadRun;

/// <summary>Collects save latencies and errors from every assessor while the measured window is open.</summary>
public sealed class LatencyRecorder
{
    private readonly ConcurrentBag<double> _latencies = [];
    private readonly ConcurrentDictionary<string, int> _errors = new();
    private volatile bool _open;

    public void Open() => _open = true;
    public void Close() => _open = false;

    public void Saved(TimeSpan latency)
    {
        if (_open)
            _latencies.Add(latency.TotalMilliseconds);
    }

    public void Failed(string kind)
    {
        if (_open)
            _errors.AddOrUpdate(kind, 1, (_, n) => n + 1);
    }

    public int Count => _latencies.Count;
    public IReadOnlyDictionary<string, int> Errors => _errors;

    public double Percentile(double p)
    {
        var sorted = _latencies.Order().ToArray();
        if (sorted.Length == 0)
            return double.NaN;
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }
}
