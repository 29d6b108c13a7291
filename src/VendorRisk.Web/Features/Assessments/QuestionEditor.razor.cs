using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace VendorRisk.Web.Features.Assessments;

public enum SaveState
{
    Unchanged,
    Pending,
    Saving,
    Saved,
    Failed,
    Invalid,
    Conflict,
}

/// <summary>
/// One question of the wizard with its own autosave: clicks save at once, typing after the browser's quiet
/// second (app.js); one save in flight at a time, each carrying the version it was based on; a conflict
/// shows the other writer's answer and lets the user choose.
/// </summary>
public sealed partial class QuestionEditor
{
    [Parameter, EditorRequired] public Question Question { get; set; } = null!;
    /// <summary>The stored answer when the wizard loaded, or null.</summary>
    [Parameter] public StoredAnswer? Stored { get; set; }
    /// <summary>1-based number shown before the question.</summary>
    [Parameter] public int Number { get; set; }
    [Parameter] public bool ReadOnly { get; set; }

    /// <summary>The assessment whose evidence files the details panel lists; 0 shows none.</summary>
    [Parameter] public int AssessmentId { get; set; }
    /// <summary>
    /// Evidence files per question, shared by the section's editors and kept by the wizard across sections: a question with
    /// files opens its details and counts them in their summary; its panel corrects the count after each upload or delete.
    /// </summary>
    [Parameter] public Dictionary<string, int>? FileCounts { get; set; }
    /// <summary>Saves one answer (the wizard passes the assessment service).</summary>
    [Parameter, EditorRequired] public Func<AnswerInput, Task<SavedAnswer>> Save { get; set; } = null!;
    /// <summary>Raised after a save with the stored value (null when cleared), for the live score.</summary>
    [Parameter] public EventCallback<(string Key, AnswerValue? Value, int Version)> Saved { get; set; }

    private string? _choice;
    private HashSet<string> _choices = [];
    private bool _multiAnswered;
    private double? _number;
    private string? _text;
    private bool _notApplicable;
    private string? _justification;
    private string? _note;
    private string? _evidenceDescription;
    private EvidenceSource? _evidenceSource;
    private DateTime? _evidenceDate;
    private int _version;
    private bool _detailsOpen;
    private int _fileCount;
    private ElementReference _element;
    private ElementReference _undoButton;
    // What the last clear removed, until the next saved change.
    private AnswerValue? _undoClear;
    private bool _refocus;

    private SaveState _state = SaveState.Unchanged;
    private CurrentAnswer? _conflict;
    private IReadOnlyList<string> _errors = [];
    private string? _failure;
    private bool _saving, _again, _disposed;
    // Typing has started in a text or number box and its text is still in the browser (app.js sends it after a quiet second).
    private bool _typing;
    private SaveState _beforeTyping;

    public SaveState State => _state;

    protected override void OnInitialized()
    {
        _fileCount = FileCounts?.GetValueOrDefault(Question.Key) ?? 0;
        Load(Stored?.Value, Stored?.Version ?? 0);
    }

    // The panel's count after it loads: redrawn only when the summary changes (an upload or a delete).
    private void FilesCounted(int count)
    {
        if (count == _fileCount)
            return;
        _fileCount = count;
        if (FileCounts is not null)
            FileCounts[Question.Key] = count;
        Refresh();
    }

    private void Load(AnswerValue? value, int version)
    {
        _version = version;
        _choice = value?.Choice;
        _choices = value?.Choices?.ToHashSet() ?? [];
        _multiAnswered = value?.Choices is not null;
        _number = value?.Number;
        _text = value?.Text;
        _notApplicable = value?.NotApplicable ?? false;
        _justification = value?.Justification;
        _note = value?.Note;
        _evidenceDescription = value?.Evidence?.Description;
        _evidenceSource = value?.Evidence?.Source;
        _evidenceDate = value?.Evidence?.Date?.ToDateTime(TimeOnly.MinValue);
        _detailsOpen = _note is not null || value?.Evidence is not null || _fileCount > 0;
    }

    /// <summary>The answer as the user has it now; null when there is nothing to store.</summary>
    internal AnswerValue? BuildValue()
    {
        var evidence = string.IsNullOrWhiteSpace(_evidenceDescription) && _evidenceSource is null && _evidenceDate is null
            ? null
            : new Evidence(string.IsNullOrWhiteSpace(_evidenceDescription) ? null : _evidenceDescription, _evidenceSource,
                _evidenceDate is { } d ? DateOnly.FromDateTime(d) : null);
        var value = new AnswerValue
        {
            QuestionKey = Question.Key,
            NotApplicable = _notApplicable,
            Justification = _notApplicable ? _justification : null,
            Choice = !_notApplicable && Question.Type == QuestionType.Choice ? _choice : null,
            Choices = !_notApplicable && Question.Type == QuestionType.Multi && _multiAnswered
                ? Question.Options.Where(o => _choices.Contains(o.Key)).Select(o => o.Key).ToList() : null,
            Number = !_notApplicable && Question.Type == QuestionType.Number ? _number : null,
            Text = !_notApplicable && Question.Type == QuestionType.Text && !string.IsNullOrEmpty(_text) ? _text : null,
            Note = string.IsNullOrWhiteSpace(_note) ? null : _note,
            Evidence = evidence,
        };
        return value.HasValue || value.NotApplicable || value.Note is not null || value.Evidence is not null ? AnswerNormalization.Normalize(value) : null;
    }

    private Task ChoiceChanged(string? value) { _choice = value; return ChangedAsync(); }

    private Task ToggleChoice((string Key, bool Chosen) change)
    {
        var (key, chosen) = change;
        _multiAnswered = true;
        if (chosen)
            _choices.Add(key);
        else
            _choices.Remove(key);
        return ChangedAsync();
    }

    private Task NoneChanged(bool none)
    {
        _multiAnswered = none;
        _choices.Clear();
        return ChangedAsync();
    }

    private Task NotApplicableChanged(bool value) { _notApplicable = value; return ChangedAsync(); }

    // The text and number boxes' values come after the browser's typing pause (app.js), so they are saved at once.
    private Task NumberChanged(double? value) { _number = value; return TypedAsync(); }
    private Task TextChanged(string? value) { _text = value; return TypedAsync(); }
    private Task JustificationChanged(string? value) { _justification = value; return TypedAsync(); }
    private Task NoteChanged(string? value) { _note = value; return TypedAsync(); }
    private Task EvidenceDescriptionChanged(string? value) { _evidenceDescription = value; return TypedAsync(); }

    private Task TypedAsync()
    {
        _typing = false;
        return ChangedAsync();
    }

    /// <summary>The first key press of a burst in a text or number box: the browser keeps the text until its typing pause.</summary>
    private void TypingStarted()
    {
        if (ReadOnly || _state == SaveState.Conflict)
            return;
        if (!_typing)
            _beforeTyping = _state;
        _typing = true;
        if (!_saving)
            _state = SaveState.Pending;
    }

    /// <summary>
    /// The box's change event, after the field's own handler: when the text came back as it was (typed, then deleted), no
    /// value changed and nothing was saved, so the question shows what it showed before the typing.
    /// </summary>
    private void TypingEnded()
    {
        if (!_typing)
            return;
        _typing = false;
        if (!_saving && _state == SaveState.Pending)
            _state = _beforeTyping;
    }
    /// <summary>
    /// Drops the whole stored answer (note and evidence too) through the same save as every change: a clear with the version
    /// it was based on, validated, authorized, audited and scored by the service. The focus stays on the question as its
    /// button goes.
    /// </summary>
    private Task ClearAsync()
    {
        if (ReadOnly || _state == SaveState.Conflict)
            return Task.CompletedTask;
        _undoClear = BuildValue();
        _refocus = true;
        Load(null, _version);
        return ChangedAsync();
    }

    /// <summary>Saves again what the last clear removed, as a new answer (its version continues after the cleared one's).</summary>
    private Task UndoClearAsync()
    {
        if (!ShowsUndo || _undoClear is not { } value)
            return Task.CompletedTask;
        _refocus = true;
        Load(value, _version);
        return ChangedAsync();
    }

    private bool ShowsUndo => !ReadOnly && _undoClear is not null && _version == 0 && _state != SaveState.Conflict;

    // After a clear the focus goes to its undo (the clear button is gone); after an undo, or a clear that cannot be
    // undone, to the question. Moved once the render that shows the button has reached the browser.
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!_refocus || _saving || _disposed)
            return;
        _refocus = false;
        await (ShowsUndo ? _undoButton : _element).FocusAsync(preventScroll: true);
    }

    private Task EvidenceSourceChanged(EvidenceSource? value) { _evidenceSource = value; return ChangedAsync(); }
    private Task EvidenceDateChanged(DateTime? value) { _evidenceDate = value; return ChangedAsync(); }

    private Task ChangedAsync()
    {
        if (ReadOnly || _state == SaveState.Conflict)
            return Task.CompletedTask; // read-only, or the user chooses first
        _state = SaveState.Pending;
        if (_notApplicable && string.IsNullOrWhiteSpace(_justification))
            return Task.CompletedTask; // N/A is saved once it has its justification
        return SaveNowAsync();
    }

    /// <summary>Saves now (also the retry button). One save in flight; changes made meanwhile are saved right after.</summary>
    public async Task SaveNowAsync()
    {
        if (_saving)
        {
            _again = true;
            return;
        }

        _saving = true;
        // Drawn when the save ends, or as "Saving…" if it waits long enough to be seen (HandleEventAsync).
        _state = SaveState.Saving;
        var drawn = false;
        try
        {
            do
            {
                _again = false;
                drawn = false;
                var value = BuildValue();
                if (value is null && _version == 0)
                {
                    _state = SaveState.Saved;
                    continue;
                }
                var input = value is null
                    ? new AnswerInput(new AnswerValue { QuestionKey = Question.Key }, Clear: true, ExpectedVersion: _version)
                    : new AnswerInput(value, ExpectedVersion: _version);
                var saved = await Save(input);
                _version = saved.Version;
                if (value is not null)
                    _undoClear = null;
                // A change made while this save was on its way goes next ("Saving…"), or after its typing pause ("Unsaved changes…").
                _state = _again ? SaveState.Saving : _typing ? SaveState.Pending : SaveState.Saved;
                _errors = [];
                drawn = await RaiseSavedAsync(value);
            }
            while (_again);
        }
        catch (ConflictException ex) when (ex.Current is CurrentAnswer current)
        {
            _conflict = current;
            _state = SaveState.Conflict;
        }
        catch (ValidationFailedException ex)
        {
            _errors = ex.Errors.SelectMany(e => e.Value).ToList();
            _state = SaveState.Invalid;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Not draft any more, forbidden, database busy or the connection dropped: the value stays here to retry.
            _failure = ex is ConflictException or ForbiddenException ? ex.Message : null;
            _state = SaveState.Failed;
        }
        finally
        {
            _saving = false;
            if (!drawn)
                Refresh();
        }
    }

    private async Task KeepMineAsync()
    {
        if (_conflict is null)
            return;
        _version = _conflict.Version;
        _conflict = null;
        await SaveNowAsync();
    }

    private async Task TakeTheirsAsync()
    {
        if (_conflict is null)
            return;
        Load(_conflict.Value, _conflict.Version);
        var value = _conflict.Value;
        _conflict = null;
        _state = SaveState.Saved;
        await Saved.InvokeAsync((Question.Key, value, _version));
    }

    private void Refresh()
    {
        if (!_disposed)
            StateHasChanged();
    }

    private string EvidenceSummary()
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(_note))
            parts.Add("note");
        if (_evidenceSource is { } source)
            parts.Add(EvidenceLabels.Of(source).ToLowerInvariant());
        if (_evidenceDate is { } date)
            parts.Add(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (_fileCount > 0)
            parts.Add(Plural.Count(_fileCount, "file"));
        return parts.Count == 0 ? "" : $" — {string.Join(", ", parts)}";
    }

    private string Describe(AnswerValue? value) =>
        value is null ? "no answer" : AnswersCsvExport.DescribeAnswer(Question, value) is { Length: > 0 } text ? text : "no value (note or evidence only)";

    // Nothing waits here to be saved: a box's text waits in the browser, which sends it when the box loses the focus
    // (leaving the section) or the page is hidden (app.js).
    public void Dispose() => _disposed = true;
}
