using System.Diagnostics;
using Microsoft.Playwright;

namespace VendorRisk.LoadTests.LoadRun;

/// <summary>
/// One assessor in a real browser tab: its own Blazor circuit on the wizard of its own assessment, clicking
/// an option it has not chosen yet; a save's latency runs from the click until the question shows "Saved".
/// </summary>
public sealed class CircuitAssessor(IPage page, int assessmentId, int seed)
{
    private readonly Random _random = new(seed);

    public async Task OpenAsync()
    {
        await page.GotoAsync($"/assessments/{assessmentId}");
        await page.WaitForSelectorAsync("body[data-interactive=true]", new() { State = WaitForSelectorState.Attached });
        await page.WaitForSelectorAsync(".vr-question");
    }

    public async Task RunAsync(LatencyRecorder recorder, Func<TimeSpan> pause, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await ChangeOneAnswerAsync(recorder);
            }
            catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
            {
                if (stop.IsCancellationRequested)
                    return;
                recorder.Failed(ex is TimeoutException ? "timeout" : "browser");
            }

            try
            {
                await Task.Delay(pause(), stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task ChangeOneAnswerAsync(LatencyRecorder recorder)
    {
        var options = page.Locator(".vr-question input[type=radio]:not(:checked)");
        var count = await options.CountAsync();
        if (count == 0)
        {
            await page.ClickAsync("#next-section, #previous-section");
            return;
        }
        var option = await options.Nth(_random.Next(count)).ElementHandleAsync();
        // Mark the question's save state so the wait below sees this save's "saved", not the previous one's.
        var key = await option.EvaluateAsync<string>("""
            e => { const q = e.closest('[data-question]'); q.querySelector('[data-save-state]').setAttribute('data-save-state', 'probe'); return q.dataset.question; }
            """);
        var clock = Stopwatch.StartNew();
        await option.CheckAsync(new() { Force = true });
        await page.Locator($"[data-question='{key}'] [data-save-state=saved]").WaitForAsync(new() { Timeout = 60_000, State = WaitForSelectorState.Attached });
        recorder.Saved(clock.Elapsed);
    }
}
