using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace VendorRisk.LoadTests.LoadRun;

/// <summary>What the app's own process spent: CPU time from /proc and live managed heap from a GC dump.</summary>
public sealed partial class ServerProbe(int pid)
{
    /// <summary>User + system CPU time of the process so far (Linux /proc/PID/stat, clock ticks of 10 ms).</summary>
    public TimeSpan CpuTime() => Sample().Cpu;

    /// <summary>
    /// CPU time split into user and system (the kernel's share: sockets, futexes, waking threads), and the context switches
    /// of the process's threads: a thread that sleeps and is woken again counts one. A thread that ended keeps the count last
    /// read for it (the thread pool retires idle workers); <see cref="TrackThreads"/> reads them often enough to matter little.
    /// </summary>
    public CpuSample Sample()
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // Fields after the command name start at field 3 (state): utime is field 14, stime field 15.
        var user = long.Parse(fields[11], CultureInfo.InvariantCulture) * 10;
        var system = long.Parse(fields[12], CultureInfo.InvariantCulture) * 10;
        return new CpuSample(TimeSpan.FromMilliseconds(user), TimeSpan.FromMilliseconds(system), ContextSwitches());
    }

    private readonly Dictionary<string, long> _switchesByThread = [];

    /// <summary>Reads every thread's context switches each second until <paramref name="stop"/>.</summary>
    public async Task TrackThreads(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
                ContextSwitches();
        }
        catch (OperationCanceledException)
        {
        }
    }

    private long ContextSwitches()
    {
        lock (_switchesByThread)
        {
            foreach (var task in Directory.EnumerateDirectories($"/proc/{pid}/task"))
            {
                try
                {
                    long switches = 0;
                    foreach (var line in File.ReadLines(Path.Combine(task, "status")))
                        if (line.StartsWith("voluntary_ctxt_switches:", StringComparison.Ordinal) || line.StartsWith("nonvoluntary_ctxt_switches:", StringComparison.Ordinal))
                            switches += long.Parse(line[(line.IndexOf(':') + 1)..].Trim(), CultureInfo.InvariantCulture);
                    _switchesByThread[Path.GetFileName(task)] = switches;
                }
                catch (IOException)
                {
                    // The thread ended while we read: its last count stays.
                }
            }
            return _switchesByThread.Values.Sum();
        }
    }

    /// <summary>The process's resident memory (VmRSS): the managed heap and everything native, zlib streams and pools included.</summary>
    public long ResidentBytes()
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                return long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
        return 0;
    }

    /// <summary>
    /// Bytes of live objects on the managed heap after the full GC that dotnet-gcdump induces; null when the tool is missing.
    /// With <paramref name="keepAs"/> the dump stays there for <c>dotnet-gcdump report</c> (what the heap holds by type).
    /// </summary>
    public async Task<long?> LiveHeapBytesAsync(string? keepAs = null)
    {
        var file = keepAs ?? Path.Combine(Path.GetTempPath(), $"vendorrisk-load-{pid}-{Guid.NewGuid():N}.gcdump");
        try
        {
            if (await ToolAsync($"collect -p {pid} -o {file}") is null || !File.Exists(file))
                return null;
            var report = await ToolAsync($"report {file}");
            var match = report is null ? null : HeapBytes().Match(report);
            return match is { Success: true } ? long.Parse(match.Groups[1].Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture) : null;
        }
        finally
        {
            if (keepAs is null)
                File.Delete(file);
        }
    }

    private static async Task<string?> ToolAsync(string arguments)
    {
        // The repository's tool manifest pins dotnet-gcdump (dotnet tool restore).
        var start = new ProcessStartInfo("dotnet", $"dotnet-gcdump {arguments}") { RedirectStandardOutput = true, RedirectStandardError = true };
        try
        {
            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            return process.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    [GeneratedRegex(@"([\d,]+)\s+GC Heap bytes")]
    private static partial Regex HeapBytes();
}

public readonly record struct CpuSample(TimeSpan User, TimeSpan System, long ContextSwitches)
{
    public TimeSpan Cpu => User + System;

    public static CpuSample operator -(CpuSample a, CpuSample b) => new(a.User - b.User, a.System - b.System, a.ContextSwitches - b.ContextSwitches);
}
