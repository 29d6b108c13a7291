using Microsoft.AspNetCore.Components;

namespace VendorRisk.Web.Features.Assessments;

/// <summary>When a question draws itself: an autosave redraws its own question once when it ends (and once before, "Saving…", if it waits), nothing else.</summary>
public sealed partial class QuestionEditor : IHandleEvent
{
    // The editor holds its answer itself (loaded once, in OnInitialized): a parent render (the live score after any question's save)
    // that passes the same question changes nothing here, so it renders nothing. Most of a save's render work was the
    // section's other editors drawing themselves again.
    private (Question Question, int Number, bool ReadOnly, int AssessmentId)? _shown;
    private bool _sameAsShown;

    protected override void OnParametersSet()
    {
        var shown = (Question, Number, ReadOnly, AssessmentId);
        _sameAsShown = !_drawWithParent && _shown is { } last && ReferenceEquals(last.Question, Question) && last == shown;
        _shown = shown;
    }

    protected override bool ShouldRender()
    {
        if (!_sameAsShown)
        {
            _draws++;
            return true;
        }
        _sameAsShown = false;
        return false;
    }

    // Renders requested since the editor was created; see HandleEventAsync.
    private int _draws;

    // Set while the wizard hears of a save (Saved): the wizard's render of the live score draws this editor's saved state
    // too, in the same render batch. After a save that yielded (PostgreSQL), the two were a render batch each.
    private bool _drawWithParent;

    /// <summary>Raises <see cref="Saved"/>; true when the wizard's render drew this editor with it.</summary>
    private async Task<bool> RaiseSavedAsync(AnswerValue? value)
    {
        var draws = _draws;
        _drawWithParent = true;
        try
        {
            await Saved.InvokeAsync((Question.Key, value, _version));
        }
        finally
        {
            _drawWithParent = false;
        }
        return _draws != draws;
    }

    /// <summary>How long a save may wait for the database before its question shows "Saving…".</summary>
    internal static readonly TimeSpan SavingShownAfter = TimeSpan.FromMilliseconds(300);

    [Inject] private TimeProvider Clock { get; set; } = null!;

    /// <summary>
    /// As ComponentBase, the handler's result is drawn when it ends; but a handler that waits (a save on PostgreSQL) draws
    /// "Saving…" only if it is still waiting after <see cref="SavingShownAfter"/>, and its end only if nothing drew it
    /// meanwhile (a save's <c>finally</c> does). Most saves end within milliseconds: "Saving…" drawn at once was a render
    /// batch (a message to the browser and its acknowledgement) on every save, flickering past too fast to read.
    /// </summary>
    async Task IHandleEvent.HandleEventAsync(EventCallbackWorkItem callback, object? arg)
    {
        var task = callback.InvokeAsync(arg);
        if (task.IsCompleted)
        {
            StateHasChanged();
            await task;
            return;
        }
        var draws = _draws;
        if (!await EndsWithinAsync(task, SavingShownAfter))
        {
            if (_draws == draws)
                StateHasChanged(); // "Saving…"
            draws = _draws;
        }
        await task;
        if (_draws == draws)
            StateHasChanged();
    }

    /// <summary>True when <paramref name="task"/> ends within <paramref name="time"/>; the timer goes when it does.</summary>
    private async Task<bool> EndsWithinAsync(Task task, TimeSpan time)
    {
        using var stop = new CancellationTokenSource();
        var first = await Task.WhenAny(task, Task.Delay(time, Clock, stop.Token));
        await stop.CancelAsync();
        return first == task;
    }

    // A render already queued when the same parameters came (this editor's own state change) has drawn it: the next
    // request must not be skipped.
    protected override void OnAfterRender(bool firstRender) => _sameAsShown = false;
}
