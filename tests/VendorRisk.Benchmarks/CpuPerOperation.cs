using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace VendorRisk.Benchmarks;

/// <summary>
/// The process's CPU time (all threads: continuations, the database driver, GC) per benchmark invocation, over every
/// invocation of one benchmark after its first <see cref="Untimed"/> (JIT and first-use caches). The wall-clock mean of an autosave is mostly the
/// commit's fsync; this is what the save costs the server's cores. Written to a file, so the column works in and out of process.
/// </summary>
public sealed class CpuPerOperation
{
    public const int Untimed = 50;

    private readonly string _name;
    private TimeSpan _start;
    private long _calls;
    private long _operations;

    public CpuPerOperation(string name)
    {
        _name = name;
        Directory.CreateDirectory(CpuPerOperationColumn.Folder);
        File.Delete(CpuPerOperationColumn.FileFor(name));
    }

    /// <summary>Call at the start of each invocation.</summary>
    public void Count()
    {
        var call = ++_calls;
        if (call == Untimed + 1)
            _start = Process.GetCurrentProcess().TotalProcessorTime;
        if (call > Untimed)
            _operations++;
    }

    /// <summary>Writes the figure for <see cref="CpuPerOperationColumn"/> and prints it.</summary>
    public void Report()
    {
        if (_operations == 0)
            return;
        var used = Process.GetCurrentProcess().TotalProcessorTime - _start;
        var perOperation = used.TotalMilliseconds / _operations;
        Console.WriteLine($"// {_name}: {perOperation:F3} ms of process CPU per operation ({used.TotalSeconds:F1} s over {_operations} operations)");
        Directory.CreateDirectory(CpuPerOperationColumn.Folder);
        File.WriteAllText(CpuPerOperationColumn.FileFor(_name), perOperation.ToString("F3", CultureInfo.InvariantCulture));
    }
}

/// <summary>"CPU/op" in the summary: what <see cref="CpuPerOperation.Report"/> wrote for the benchmark's method.</summary>
public sealed class CpuPerOperationColumn : IColumn
{
    public static readonly string Folder = Path.Combine(Path.GetTempPath(), "vendorrisk-bench-cpu");

    public static string FileFor(string name) => Path.Combine(Folder, name + ".txt");

    public string Id => nameof(CpuPerOperationColumn);
    public string ColumnName => "CPU/op";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => $"Process CPU time per invocation (all threads), after the first {CpuPerOperation.Untimed} invocations";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        ArgumentNullException.ThrowIfNull(benchmarkCase);
        var file = FileFor(benchmarkCase.Descriptor.WorkloadMethod.Name);
        return File.Exists(file) ? File.ReadAllText(file) + " ms" : "-";
    }

    public bool IsAvailable(Summary summary) => true;
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}

/// <summary>Adds <see cref="CpuPerOperationColumn"/> to a benchmark class's summary.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class CpuPerOperationColumnAttribute : Attribute, BenchmarkDotNet.Configs.IConfigSource
{
    public BenchmarkDotNet.Configs.IConfig Config { get; } = BenchmarkDotNet.Configs.ManualConfig.CreateEmpty().AddColumn(new CpuPerOperationColumn());
}
