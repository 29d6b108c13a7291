using System.Diagnostics;
using System.Net.Http.Headers;
using Microsoft.Playwright;

namespace VendorRisk.LoadTests.Measuring;

/// <summary>
/// <c>measure</c>: against a running app, for each list page the median time until the circuit is interactive and until the
/// page settles (no DOM change for half a second after that), with the prerendered HTML's size; and the median and
/// worst time of each list API call.
/// </summary>
public static class MeasureCommand
{
    // Every page that lists something; /vendors/1 lists a vendor's assessments, /compare offers every vendor of a set.
    private static readonly string[] Pages =
        ["/", "/vendors", "/assessments", "/findings", "/audit", "/question-sets", "/users", "/compare", "/admin/mail", "/vendors/1"];

    // Every list of the API (docs/api.md), at its default page, its largest page, a later page and with a filter.
    private static readonly string[] ApiCalls =
    [
        "/api/v1/vendors", "/api/v1/vendors?pageSize=200", "/api/v1/vendors?page=5&pageSize=200",
        "/api/v1/findings", "/api/v1/findings?pageSize=200", "/api/v1/findings?status=open&overdue=true",
        "/api/v1/question-sets", "/api/v1/vendors/1/models",
    ];

    // Records when the circuit marks the page interactive and when the DOM last changed (ms since navigation start).
    private const string Probe = """
        window.__vr = { interactive: null, last: 0 };
        new MutationObserver(() => {
            window.__vr.last = performance.now();
            if (window.__vr.interactive === null && document.body && document.body.dataset.interactive === 'true')
                window.__vr.interactive = performance.now();
        }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var options = new CommandOptions(args);
        var baseUrl = new Uri(options.Get("url") ?? "http://127.0.0.1:5080");
        var runs = options.GetInt("runs", 3);
        Console.WriteLine("| page | interactive (median ms) | settled (median ms) | HTML (KB) |");
        Console.WriteLine("|---|---:|---:|---:|");
        if (options.Get("password") is { } password)
            await MeasurePagesAsync(baseUrl, options.Get("email") ?? "admin@load.vendorrisk", password, runs,
                options.Get("pages")?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? Pages);
        if (options.Get("token") is { } token)
            await MeasureApiAsync(baseUrl, token, options.GetInt("api-runs", 7),
                options.Get("api")?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? ApiCalls);
        return 0;
    }

    private static async Task MeasurePagesAsync(Uri baseUrl, string email, string password, int runs, IReadOnlyList<string> pages)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl.ToString(), ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        context.SetDefaultTimeout(120_000);
        context.SetDefaultNavigationTimeout(120_000);
        await context.AddInitScriptAsync(Probe);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));

        foreach (var path in pages)
        {
            var interactive = new List<double>();
            var settled = new List<double>();
            long html = 0;
            try
            {
                for (var run = 0; run <= runs; run++)
                {
                    var response = await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
                    html = await BodySizeAsync(response!);
                    await page.WaitForSelectorAsync("body[data-interactive=true]", new() { State = WaitForSelectorState.Attached });
                    var times = await WaitUntilQuietAsync(page);
                    if (run == 0)
                        continue; // warm-up
                    interactive.Add(times.Interactive);
                    settled.Add(times.Settled);
                }
                Console.WriteLine($"| `{path}` | {Median(interactive):0} | {Median(settled):0} | {html / 1024.0:0.0} |");
            }
            catch (TimeoutException)
            {
                // A page that never becomes interactive (or takes minutes) is a result too; the other pages still count.
                Console.WriteLine($"| `{path}` | timed out (> 120 s) | — | {html / 1024.0:0.0} |");
            }
        }
    }

    private static async Task<long> BodySizeAsync(IResponse response)
    {
        try
        {
            return (await response.BodyAsync()).Length;
        }
        catch (PlaywrightException)
        {
            // The browser dropped the body (the page re-rendered meanwhile): fetch it again with the same cookies.
            var again = await response.Frame.Page.APIRequest.GetAsync(response.Url);
            return (await again.BodyAsync()).Length;
        }
    }

    private static async Task<(double Interactive, double Settled)> WaitUntilQuietAsync(IPage page)
    {
        while (true)
        {
            await page.WaitForTimeoutAsync(250);
            var state = await page.EvaluateAsync<double[]>("() => [window.__vr.interactive ?? performance.now(), window.__vr.last, performance.now()]");
            if (state[2] - state[1] >= 500)
                return (state[0], Math.Max(state[0], state[1]));
        }
    }

    private static async Task MeasureApiAsync(Uri baseUrl, string token, int runs, IReadOnlyList<string> calls)
    {
        using var http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromMinutes(2) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Console.WriteLine();
        Console.WriteLine("| API call | median (ms) | worst (ms) | body (KB) | X-Total-Count |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var call in calls)
        {
            var times = new List<double>();
            long size = 0;
            string? total = null;
            for (var run = 0; run <= runs; run++)
            {
                var clock = Stopwatch.StartNew();
                using var response = await http.GetAsync(new Uri(call, UriKind.Relative));
                var body = await response.Content.ReadAsByteArrayAsync();
                response.EnsureSuccessStatusCode();
                if (run == 0)
                    continue;
                times.Add(clock.Elapsed.TotalMilliseconds);
                size = body.Length;
                total = response.Headers.TryGetValues("X-Total-Count", out var values) ? values.First() : "—";
            }
            Console.WriteLine($"| `GET {call}` | {Median(times):0} | {times.Max():0} | {size / 1024.0:0.0} | {total} |");
        }
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values.Count == 0 ? double.NaN : values.Count % 2 == 1 ? values[values.Count / 2] : (values[values.Count / 2 - 1] + values[values.Count / 2]) / 2;
    }
}
