using System.Diagnostics;

namespace VendorRisk.LoadTests.LoadRun.HubCircuits;

/// <summary>
/// One assessor on its own circuit without a browser: on the wizard of its own assessment it picks a radio option it
/// has not chosen yet, raises the input's change event, and times until the server reports the event handled (the
/// answer stored and its render batches sent) with the question's save state rendered as "saved"; with no option left
/// in view it clicks "next section".
/// </summary>
public sealed class HubCircuitAssessor(BlazorCircuitClient circuit, int assessmentId, int seed) : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly Random _random = new(seed);

    public async Task OpenAsync()
    {
        await circuit.OpenAsync($"/assessments/{assessmentId}", Timeout);
        await circuit.WaitUntilAsync(() => Options(circuit.Read(m => m)).Any(), Timeout);
    }

    public async Task RunAsync(LatencyRecorder recorder, Func<TimeSpan> pause, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            if (circuit.Failure is { } failure)
            {
                recorder.Failed(failure.Length > 60 ? failure[..60] : failure);
                return;
            }
            try
            {
                await ChangeOneAnswerAsync(recorder);
            }
            catch (TimeoutException)
            {
                recorder.Failed("timeout");
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
        var (option, saveState) = circuit.Read(mirror =>
        {
            var options = Options(mirror).Where(o => o["checked"] is null).ToList();
            if (options.Count == 0)
                return ((ElementNode?)null, (ElementNode?)null);
            var chosen = options[_random.Next(options.Count)];
            var state = chosen.Closest(e => e["data-question"] is not null)!.DescendantElements().First(e => e["data-save-state"] is not null);
            return ((ElementNode?)chosen, (ElementNode?)state);
        });
        if (option is null || saveState is null)
        {
            var next = circuit.Read(m => m.Elements().FirstOrDefault(e => e["id"] is "next-section" or "previous-section"));
            if (next is not null)
                await await circuit.DispatchAsync(next.HandlerFor("click"), "click", new { type = "click", detail = 1 }, null, null);
            return;
        }

        var clock = Stopwatch.StartNew();
        var handled = await circuit.DispatchAsync(option.HandlerFor("change"), "change", new { value = option["value"] }, option.RenderingComponentId, option["value"]);
        try
        {
            await handled.WaitAsync(Timeout);
        }
        catch (InvalidOperationException ex)
        {
            recorder.Failed("event: " + ex.Message[..Math.Min(60, ex.Message.Length)]);
            return;
        }
        // The render batches of the change arrived before the handler's completion (one ordered connection).
        var state = circuit.Read(_ => saveState["data-save-state"]);
        if (state == "saved")
            recorder.Saved(clock.Elapsed);
        else
            recorder.Failed("save state: " + state);
    }

    /// <summary>Radio options of the questions in view that the server listens to.</summary>
    private static IEnumerable<ElementNode> Options(RenderTreeMirror mirror) => mirror.Elements()
        .Where(e => e.Name == "input" && e["type"] == "radio" && e.HandlerFor("change") != 0 && e.Closest(q => q["data-question"] is not null) is not null);

    public ValueTask DisposeAsync() => circuit.DisposeAsync();
}
