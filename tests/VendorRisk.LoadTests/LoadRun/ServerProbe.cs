using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace VendorRisk.LoadTests.LoadRun;

/// <summary>What the app's own process spent: CPU time from /proc and live managed heap from a GC dump.</summary>
public sealed partial class ServerProbe(int pid)
{
    /// <summary>
    /// User + system CPU time of the process so far (Linux /proc/PID/stat, clock ticks of 10 ms), split into user and
    /// system (the kernel's share: sockets, futexes, waking threads); of it, the runtime's background JIT (the thread that recompiles hot methods optimised, a one-off while a process warms up); and the
    /// context switches of the process's threads (a thread that sleeps and is woken again counts one). A thread that ended
    /// keeps what was last read for it (idle thread-pool workers and the JIT's thread come and go); <see cref="TrackThreads"/>
    /// reads them each second, so what a thread did in its last second, or a thread that lived less than a second, is
    /// missed: the JIT's share is a lower bound.
    /// </summary>
    public CpuSample Sample()
    {
        var fields = StatFields($"/proc/{pid}/stat");
        var (switches, jit) = ReadThreads();
        return new CpuSample(Ticks(fields[11]), Ticks(fields[12]), switches, jit);
    }

    // Fields after the command name start at field 3 (state): utime is field 14, stime field 15, in ticks of 10 ms.
    private static string[] StatFields(string path)
    {
        var stat = File.ReadAllText(path);
        return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
    }

    private static TimeSpan Ticks(string field) => TimeSpan.FromMilliseconds(long.Parse(field, CultureInfo.InvariantCulture) * 10);

    private readonly Dictionary<string, (long Switches, TimeSpan Jit)> _byThread = [];

    /// <summary>Reads every thread's context switches and the JIT thread's CPU each second until <paramref name="stop"/>.</summary>
    public async Task TrackThreads(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
                ReadThreads();
        }
        catch (OperationCanceledException)
        {
        }
    }

    private (long Switches, TimeSpan Jit) ReadThreads()
    {
        lock (_byThread)
        {
            foreach (var task in Directory.EnumerateDirectories($"/proc/{pid}/task"))
            {
                try
                {
                    long switches = 0;
                    foreach (var line in File.ReadLines(Path.Combine(task, "status")))
                        if (line.StartsWith("voluntary_ctxt_switches:", StringComparison.Ordinal) || line.StartsWith("nonvoluntary_ctxt_switches:", StringComparison.Ordinal))
                            switches += long.Parse(line[(line.IndexOf(':') + 1)..].Trim(), CultureInfo.InvariantCulture);
                    // The runtime names it ".NET Tiered Compilation Worker"; Linux keeps 15 characters of a thread's name.
                    var fields = StatFields(Path.Combine(task, "stat"));
                    var jit = File.ReadAllText(Path.Combine(task, "comm")).StartsWith(".NET Tiered Com", StringComparison.Ordinal)
                        ? Ticks(fields[11]) + Ticks(fields[12])
                        : TimeSpan.Zero;
                    // A thread id can be used again once its thread has ended: with its start time (field 22) it names one thread.
                    _byThread[$"{Path.GetFileName(task)}@{fields[19]}"] = (switches, jit);
                }
                catch (IOException)
                {
                    // The thread ended while we read: what was last read for it stays.
                }
            }
            return (_byThread.Values.Sum(t => t.Switches), _byThread.Values.Aggregate(TimeSpan.Zero, (sum, t) => sum + t.Jit));
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

public readonly record struct CpuSample(TimeSpan User, TimeSpan System, long ContextSwitches, TimeSpan Jit)
{
    public TimeSpan Cpu => User + System;

    public static CpuSample operator -(CpuSample a, CpuSample b) =>
        new(a.User - b.User, a.System - b.System, a.ContextSwitches - b.ContextSwitches, a.Jit - b.Jit);

    /// <summary>What the same rate would have spent over <paramref name="factor"/> times as long.</summary>
    public static CpuSample operator *(CpuSample a, double factor) =>
        new(a.User * factor, a.System * factor, (long)(a.ContextSwitches * factor), a.Jit * factor);
}
