using System.Globalization;
using Microsoft.Playwright;
using VendorRisk.LoadTests.LoadRun;

namespace VendorRisk.LoadTests.Measuring;

/// <summary>
/// <c>circuits</c>: opens one page in N signed-in browser tabs (N Blazor circuits) and reports the live managed heap each
/// further tab adds, from a GC dump with one tab open and one with N. Any page: the wizard, the compare page with ten vendors.
/// </summary>
public static class CircuitMemoryCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = new CommandOptions(args);
        var url = new Uri(options.Get("url") ?? "http://127.0.0.1:5080");
        var path = options.Get("path") ?? throw new ArgumentException("--path is required (e.g. /assessments/12).");
        var tabs = options.GetInt("tabs", 20);
        var pid = options.GetInt("server-pid", 0);
        if (pid == 0 || options.Get("password") is not { } password)
            throw new ArgumentException("--server-pid and --password are required.");
        var ready = options.Get("ready") ?? "main";
        var keep = options.Get("keep-dumps");
        var inspect = options.Get("inspect");
        var settle = TimeSpan.FromSeconds(options.GetInt("settle", 0));
        var probe = new ServerProbe(pid);

        await using var chromium = await SignedInChromium.StartAsync(options, url, password);

        async Task OpenAsync()
        {
            var page = await chromium.NewTabAsync();
            await page.GotoAsync(path);
            await page.WaitForSelectorAsync("body[data-interactive=true]", new() { State = WaitForSelectorState.Attached });
            await page.WaitForSelectorAsync(ready);
        }

        // The first tab pays for what the process initialises once (JIT, caches, static data): the baseline comes after it.
        Task<long?> LiveHeapAsync(string dump) => probe.LiveHeapBytesAsync(keep is null ? null : Path.Combine(keep, dump));

        await OpenAsync();
        await Task.Delay(settle);
        var before = await LiveHeapAsync("one-tab.gcdump");
        var residentBefore = probe.ResidentBytes();
        await InspectAsync(inspect, pid, "one");
        for (var i = 1; i < tabs; i++)
            await OpenAsync();
        var after = await LiveHeapAsync($"{tabs}-tabs.gcdump");
        var residentAfter = probe.ResidentBytes();
        await InspectAsync(inspect, pid, "all");
        if (before is null || after is null)
        {
            Console.Error.WriteLine("No GC dump: run `dotnet tool restore` (dotnet-gcdump) from the repository root.");
            return 1;
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{path}: live heap {before / 1024.0 / 1024:0.0} MB with one tab, {after / 1024.0 / 1024:0.0} MB with {tabs}: {(after - before) / 1024.0 / (tabs - 1):0} KB per further tab"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{path}: resident {residentBefore / 1024.0 / 1024:0.0} MB with one tab, {residentAfter / 1024.0 / 1024:0.0} MB with {tabs}: {(residentAfter - residentBefore) / 1024.0 / (tabs - 1):0} KB per further tab (native memory included)"));
        if (settle > TimeSpan.Zero)
        {
            // Each tab's own browser context also left several keep-alive HTTP connections (the page and its assets),
            // which the server holds until its keep-alive timeout; a user's one browser shares them across tabs.
            await Task.Delay(settle);
            var settled = await LiveHeapAsync($"{tabs}-tabs-settled.gcdump");
            await InspectAsync(inspect, pid, "settled");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{path}: {settled / 1024.0 / 1024:0.0} MB with {tabs} after {settle.TotalSeconds:0} s, once idle HTTP connections have closed: {(settled - before) / 1024.0 / (tabs - 1):0} KB per further tab"));
        }
        return 0;
    }

    /// <summary>
    /// <c>--inspect "cmd {pid} {label}"</c>: runs a command of the user's (a heap walker, say) against the app with one tab
    /// open (label <c>one</c>) and with all of them (<c>all</c>), while the tabs stay open.
    /// </summary>
    private static async Task InspectAsync(string? command, int pid, string label)
    {
        if (command is null)
            return;
        var line = command.Replace("{pid}", pid.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{label}", label, StringComparison.Ordinal);
        using var process = System.Diagnostics.Process.Start("/bin/sh", ["-c", line]);
        await process.WaitForExitAsync();
    }
}
