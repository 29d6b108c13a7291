using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;
using VendorRisk.LoadTests.LoadRun.HubCircuits;

namespace VendorRisk.LoadTests.LoadRun;

/// <summary>
/// <c>run</c>: N simulated assessors against a running app, each on a fresh draft of its own; prints saves per
/// second, latency percentiles, errors, and (with <c>--server-pid</c>) the app's CPU per save and live heap per circuit.
/// </summary>
public static class LoadRunCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        LoadRunOptions options;
        try
        {
            options = LoadRunOptions.Parse(args);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            if (ex.Message.Length > 0)
                Console.Error.WriteLine(ex.Message);
            Console.Error.WriteLine(LoadRunOptions.Help);
            return 2;
        }

        using var http = VendorRiskApi.CreateClient(options, Math.Max(options.Assessors, 16));
        var api = new VendorRiskApi(http);
        var vendorId = options.VendorId ?? await api.FirstVendorIdAsync();
        var questions = await api.QuestionsAsync(options.QuestionSet);
        var stamp = DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var ids = new List<int>();
        for (var i = 0; i < options.Assessors; i++)
            ids.Add(await api.CreateAssessmentAsync(vendorId, options.QuestionSet, $"Load run {stamp} #{i + 1}"));
        Console.WriteLine($"{options.Assessors} draft assessments created ({ids[0]}–{ids[^1]}), {questions.Count} questions each.");

        var probe = options.ServerPid is { } pid ? new ServerProbe(pid) : null;
        using var stopTracking = new CancellationTokenSource();
        var tracking = probe?.TrackThreads(stopTracking.Token) ?? Task.CompletedTask;
        var recorder = new LatencyRecorder();
        var pace = new Random(20);
        TimeSpan Pause()
        {
            if (!options.HumanPace)
                return TimeSpan.Zero;
            lock (pace)
                return TimeSpan.FromMilliseconds(5_000 + pace.Next(5_000));
        }

        long? heapBefore = null, heapAfter = null;
        await using var browser = options.Mode == LoadMode.Circuits ? await BrowserAsync(options) : null;
        var hubCircuits = new List<HubCircuitAssessor>();
        List<Func<CancellationToken, Task>> assessors;
        if (options.Mode == LoadMode.Hub)
        {
            var cookies = await HttpSignIn.SignInAsync(options.Url, options.Email!, options.Password!);
            // As with browser tabs, the heap per circuit is what each circuit adds after the first.
            hubCircuits.AddRange(await OpenHubCircuitsAsync(options, cookies, ids[..1], 0));
            heapBefore = probe is null ? null : await probe.LiveHeapBytesAsync();
            hubCircuits.AddRange(await OpenHubCircuitsAsync(options, cookies, ids[1..], 1));
            heapAfter = probe is null ? null : await probe.LiveHeapBytesAsync();
            assessors = hubCircuits.Select(c => (Func<CancellationToken, Task>)(stop => c.RunAsync(recorder, Pause, stop))).ToList();
        }
        else if (options.Mode == LoadMode.Circuits)
        {
            // The first circuit pays for what the process initialises once (JIT, reflection caches, static data): the
            // baseline is taken after it, and the heap per circuit is what each further circuit adds.
            var circuits = await OpenCircuitsAsync(browser!, options, ids[..1]);
            heapBefore = probe is null ? null : await probe.LiveHeapBytesAsync();
            circuits.AddRange(await OpenCircuitsAsync(browser!, options, ids[1..]));
            heapAfter = probe is null ? null : await probe.LiveHeapBytesAsync();
            assessors = circuits.Select(c => (Func<CancellationToken, Task>)(stop => c.RunAsync(recorder, Pause, stop))).ToList();
        }
        else
        {
            assessors = ids.Select((id, i) => (Func<CancellationToken, Task>)(stop =>
                new ApiAssessor(http, id, questions, options.Minimal, i).RunAsync(recorder, Pause, stop))).ToList();
        }

        using var stop = new CancellationTokenSource();
        // Human pace: stagger the first changes over one pause so the assessors do not move in step.
        var tasks = assessors.Select(async (run, i) =>
        {
            if (options.HumanPace)
                await Task.Delay(TimeSpan.FromMilliseconds(10_000.0 * i / assessors.Count));
            await run(stop.Token);
        }).ToList();
        await Task.Delay(options.WarmupOrDefault);
        var cpuStart = probe?.Sample();
        var trafficStart = CircuitTraffic.Now();
        var clock = Stopwatch.StartNew();
        recorder.Open();
        await Task.Delay(options.Duration);
        recorder.Close();
        var elapsed = clock.Elapsed;
        var cpuEnd = probe?.Sample();
        var traffic = CircuitTraffic.Now() - trafficStart;
        await stop.CancelAsync();
        await Task.WhenAll(tasks);

        // What the open circuits cost with nobody saving (SignalR keep-alives, timers): measured after the run, once its last
        // saves have settled, so that the CPU of a save itself is known and the idle cost is not spread over the saves.
        CpuSample? idleCpu = null;
        var idleWindow = options.Mode != LoadMode.Api && probe is not null ? options.Idle : TimeSpan.Zero;
        if (idleWindow > TimeSpan.Zero)
        {
            await Task.Delay(TimeSpan.FromSeconds(5));
            var idleStart = probe!.Sample();
            await Task.Delay(idleWindow);
            idleCpu = probe.Sample() - idleStart;
        }

        // What open circuits would have cost over the measured window with nobody saving.
        var idleOverWindow = idleCpu * (elapsed / idleWindow);
        await stopTracking.CancelAsync();
        await tracking;
        Report(options, recorder, elapsed, cpuEnd - cpuStart, idleOverWindow, heapBefore, heapAfter, traffic);
        foreach (var circuit in hubCircuits)
            await circuit.DisposeAsync();
        return 0;
    }

    private static async Task<List<HubCircuitAssessor>> OpenHubCircuitsAsync(LoadRunOptions options, System.Net.CookieContainer cookies, List<int> ids, int firstSeed)
    {
        var circuits = new HubCircuitAssessor[ids.Count];
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, ids.Count), new ParallelOptions { MaxDegreeOfParallelism = options.OpenParallel }, async (i, _) =>
        {
            var circuit = new HubCircuitAssessor(new BlazorCircuitClient(options.Url, cookies), ids[i], firstSeed + i);
            await circuit.OpenAsync();
            circuits[i] = circuit;
        });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{circuits.Length} circuit(s) opened over SignalR in {clock.Elapsed.TotalSeconds:0.0} s."));
        return [.. circuits];
    }

    private static async Task<IBrowser> BrowserAsync(LoadRunOptions options)
    {
        var playwright = await Playwright.CreateAsync();
        return await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = options.Chromium,
            Args = Environment.UserName == "root" ? ["--no-sandbox"] : [],
        });
    }

    private static async Task<List<CircuitAssessor>> OpenCircuitsAsync(IBrowser browser, LoadRunOptions options, List<int> ids)
    {
        // Sign in once through the real form; every tab reuses the cookie but opens its own circuit.
        var signIn = await browser.NewContextAsync(new() { BaseURL = options.Url.ToString() });
        var page = await signIn.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.FillAsync("#email", options.Email!);
        await page.FillAsync("#password", options.Password!);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        var state = await signIn.StorageStateAsync();
        await signIn.CloseAsync();

        var circuits = new List<CircuitAssessor>();
        for (var i = 0; i < ids.Count; i++)
        {
            var context = await browser.NewContextAsync(new() { BaseURL = options.Url.ToString(), StorageState = state, ViewportSize = new() { Width = 1280, Height = 900 } });
            context.SetDefaultTimeout(60_000);
            var circuit = new CircuitAssessor(await context.NewPageAsync(), ids[i], i);
            await circuit.OpenAsync();
            circuits.Add(circuit);
        }
        Console.WriteLine($"{circuits.Count} circuit(s) opened.");
        return circuits;
    }

    private static void Report(LoadRunOptions options, LatencyRecorder recorder, TimeSpan elapsed, CpuSample? cpu, CpuSample? idleOverWindow, long? heapBefore, long? heapAfter,
        CircuitTraffic.Totals traffic)
    {
        var saves = recorder.Count;
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(c, $"""

            mode {options.Mode.ToString().ToLowerInvariant()}{(options.Minimal ? " (Prefer: return=minimal)" : "")}, {options.Assessors} assessors, {(options.HumanPace ? "human pace (a change every 5–10 s)" : "full speed")}, {options.WarmupOrDefault.TotalSeconds:0} s warm-up, {elapsed.TotalSeconds:0} s measured
            saves             {saves}
            saves/s           {saves / elapsed.TotalSeconds:0.0}
            latency p50       {recorder.Percentile(50):0.0} ms
            latency p95       {recorder.Percentile(95):0.0} ms
            latency p99       {recorder.Percentile(99):0.0} ms
            errors            {(recorder.Errors.Count == 0 ? "0" : string.Join(", ", recorder.Errors.Select(e => $"{e.Key}: {e.Value}")))}
            """));
        if (options.Mode == LoadMode.Hub && saves > 0)
            Console.WriteLine(string.Create(c, $"server messages   {(double)traffic.Batches / saves:0.00} render batches ({traffic.Bytes / 1024.0 / saves:0.0} KB) and {(double)traffic.JsCalls / saves:0.00} JS calls per save"));
        if (cpu is { } sample && saves > 0)
        {
            var spent = sample.Cpu;
            Console.WriteLine(string.Create(c, $"server CPU/save   {spent.TotalMilliseconds / saves:0.00} ms ({spent.TotalSeconds:0.0} s of CPU over {elapsed.TotalSeconds:0} s; everything the process did, circuits included)"));
            Console.WriteLine(string.Create(c, $"  user / system   {sample.User.TotalMilliseconds / saves:0.00} / {sample.System.TotalMilliseconds / saves:0.00} ms; {(double)sample.ContextSwitches / saves:0.0} thread wake-ups (context switches) per save"));
            Console.WriteLine(string.Create(c, $"  of which JIT    {sample.Jit.TotalMilliseconds / saves:0.00} ms (at least: the runtime recompiling hot code optimised in the background, a one-off while the process warms up; --warmup to measure after it)"));
            if (idleOverWindow is { } open)
            {
                var idlePerSecond = open.Cpu / elapsed.TotalSeconds;
                var itself = sample - open;
                Console.WriteLine(string.Create(c, $"  of which idle   {open.Cpu.TotalMilliseconds / saves:0.00} ms (open circuits, nobody saving: {idlePerSecond.TotalMilliseconds:0.0} ms of CPU a second, {idlePerSecond.TotalMilliseconds * 1000 / Math.Max(1, options.Assessors):0} µs a second per circuit; {open.ContextSwitches / elapsed.TotalSeconds:0} wake-ups a second)"));
                Console.WriteLine(string.Create(c, $"  a save itself   {itself.Cpu.TotalMilliseconds / saves:0.00} ms (the rest: the save, its render and its messages), {(double)itself.ContextSwitches / saves:0.0} wake-ups"));
                Console.WriteLine(string.Create(c, $"  without JIT     {(itself.Cpu - itself.Jit).TotalMilliseconds / saves:0.00} ms (a save itself once the process is warm)"));
            }
        }
        if (heapBefore is { } before && heapAfter is { } after)
            Console.WriteLine(string.Create(c, $"live heap         {before / 1024.0 / 1024:0.0} MB with one tab open, {after / 1024.0 / 1024:0.0} MB with {options.Assessors}: {(after - before) / 1024.0 / Math.Max(1, options.Assessors - 1):0} KB per further circuit"));
    }
}
