using Microsoft.AspNetCore.Components;
using MudBlazor;
using VendorRisk.Web.Features.Audit;

namespace VendorRisk.Web.Features.Assessments;

/// <summary>One assessment: the wizard or its answers and score, its evidence, findings, vendor portal and history.</summary>
public partial class AssessmentPage
{
    [Parameter] public int Id { get; set; }

    private AssessmentSnapshot? _assessment;
    private AssessmentScore _score = null!;
    private ReassessmentNotice? _notice;
    private PrefillNotice? _prefill;
    private IReadOnlyList<AuditRecord>? _history;
    private Actor? _actor;
    private bool _canAssess, _canReview, _busy;

    private bool CanEdit => _canAssess && _actor is not null && _assessment is not null && AssessmentService.CanEditDraft(_actor, _assessment.AssessorId);
    private string? _error;
    private int _tab;
    private IReadOnlyList<LightTab> _tabs = [];

    private const string QuestionnaireTab = "questionnaire", BreakdownTab = "breakdown", EvidenceTab = "evidence",
        FindingsTab = "findings", HistoryTab = "history";

    /// <summary>The tabs for who is looking: an editable draft has the wizard and a score breakdown, anything else one answers tab.</summary>
    private List<LightTab> BuildTabs()
    {
        var editing = _assessment!.IsEditable && CanEdit;
        List<LightTab> tabs = [new(editing ? "Questionnaire" : "Answers and score", Icons.Material.Outlined.Checklist, QuestionnaireTab)];
        if (editing)
            tabs.Add(new("Score breakdown", Icons.Material.Outlined.Calculate, BreakdownTab));
        tabs.Add(new("Evidence files", Icons.Material.Outlined.AttachFile, EvidenceTab));
        tabs.Add(new("Findings", Icons.Material.Outlined.Flag, FindingsTab));
        tabs.AddRange(Tabs.All.Select(tab => new LightTab(tab.Text, tab.Icon, tab.Id)));
        tabs.Add(new("History", Icons.Material.Outlined.History, HistoryTab));
        return tabs;
    }

    private async Task SelectTabAsync(int index)
    {
        _tab = index;
        if (_tabs[index].Id == BreakdownTab)
            await RefreshAsync();
        else if (_tabs[index].Id == HistoryTab)
            await LoadHistoryAsync();
    }

    protected override async Task OnParametersSetAsync()
    {
        _assessment = null;
        _history = null;
        _tab = 0;
        _actor = await CurrentUser.GetAsync();
        _canAssess = _actor?.Can(Roles.Assessor) == true;
        _canReview = _actor?.Can(Roles.Reviewer) == true;
        await LoadAsync();
    }

    private Dictionary<string, object?> TabParameters() => new()
    {
        [AssessmentTabs.AssessmentParameter] = _assessment,
        [AssessmentTabs.CanEditParameter] = CanEdit,
        [AssessmentTabs.ChangedParameter] = EventCallback.Factory.Create(this, LoadAsync),
    };

    private IReadOnlyDictionary<string, int> _fileCounts = new Dictionary<string, int>();

    private async Task LoadAsync()
    {
        try
        {
            // Everything read before any of it is shown: a render between two reads (each await may yield) found the
            // assessment without its tabs.
            var assessment = await Reader.GetAsync(Id);
            var fileCounts = await EvidenceFiles.CountsByQuestionAsync(Id);
            var notice = assessment.PreviousAssessmentId is null ? null : await Assessments.GetReassessmentNoticeAsync(Id);
            var prefill = assessment.ModelId is null || assessment.PreviousAssessmentId is not null ? null : await Assessments.GetPrefillNoticeAsync(Id);
            (_assessment, _score, _fileCounts, _notice, _prefill) = (assessment, assessment.Score, fileCounts, notice, prefill);
            var tabs = BuildTabs();
            if (!tabs.Select(t => t.Id).SequenceEqual(_tabs.Select(t => t.Id)))
                (_tabs, _tab) = (tabs, 0);
            _error = null;
        }
        catch (Exception ex) when (ErrorPresenter.IsUserError(ex))
        {
            _error = ex.Message;
        }
    }

    private async Task RefreshAsync()
    {
        _assessment = await Reader.GetAsync(Id);
        _score = _assessment.Score;
    }

    private static readonly System.Text.Json.JsonSerializerOptions AnswerJson = new(System.Text.Json.JsonSerializerDefaults.Web);

    /// <summary>An answer change reads with the question's short name and the answers as the wizard shows them.</summary>
    private IReadOnlyList<string> ChangeOf(AuditRecord entry)
    {
        if (entry.EntityType != AuditEntityTypes.Answer || _assessment is null)
            return AuditSentences.Of(entry);
        var before = ReadAnswer(entry.OldValue);
        var after = ReadAnswer(entry.NewValue);
        var key = (before ?? after)?.QuestionKey;
        if (key is null || _assessment.QuestionSet.FindQuestion(key) is not { } question)
            return AuditSentences.Of(entry);
        var name = QuestionNames.Short(question.Text);
        string Describe(AnswerValue value) => value.NotApplicable ? "not applicable" : AnswersCsvExport.DescribeAnswer(question, value);
        return [(before, after) switch
        {
            (null, { } given) => $"{entry.UserName} answered “{name}”: {Describe(given)}",
            ({ } old, null) => $"{entry.UserName} cleared the answer to “{name}” (was {Describe(old)})",
            _ => $"{entry.UserName} changed “{name}” from {Describe(before!)} to {Describe(after!)}",
        }];
    }

    private static AnswerValue? ReadAnswer(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
            return null;
        try
        {
            return System.Text.Json.JsonSerializer.Deserialize<AnswerValue>(json, AnswerJson);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private string QuestionName(string key) => _assessment?.QuestionSet.FindQuestion(key)?.Text ?? key;

    private Task<SavedAnswer> SaveAnswerAsync(AnswerInput input) => Assessments.SaveAnswerAsync(Id, input);

    private Task SetSectionAsync(string sectionKey) => Assessments.SetLastSectionAsync(Id, sectionKey);

    private EventCallback<string> RaiseFindingCallback => _canAssess ? EventCallback.Factory.Create<string>(this, RaiseFindingAsync) : default;

    private async Task RaiseFindingAsync(string questionKey)
    {
        if (await VendorRisk.Web.Features.Findings.FindingDialogs.RaiseAsync(Dialogs, _assessment!, questionKey))
            Snackbar.Add("Finding raised; it is on the Findings tab.", Severity.Success);
    }

    private async Task LoadHistoryAsync() => _history = await Audit.HistoryAsync(AuditEntityTypes.Assessment, Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private async Task SubmitAsync()
    {
        await RefreshAsync();
        var complete = _assessment!.Score.Completeness;
        var message = complete < 100
            ? $"This assessment is {complete:0}\u00a0% complete. Unanswered questions count as 0 and critical ones as knockouts. Submit it anyway?"
            : "Submit this assessment for review? It becomes read-only.";
        if (!await SafeConfirmDialog.AskAsync(Dialogs, complete < 100 ? "Submit an incomplete assessment?" : "Submit for review", message,
                safeText: "Keep editing", goText: complete < 100 ? "Submit incomplete" : "Submit"))
            return;
        await RunAsync(() => Assessments.SubmitAsync(Id, confirmIncomplete: complete < 100), "Submitted for review.");
    }

    private async Task ImportCsvAsync()
    {
        var dialog = await Dialogs.ShowAsync<Import.AnswersImportDialog>("Import answers (CSV or Excel)",
            new DialogParameters<Import.AnswersImportDialog> { { d => d.AssessmentId, Id } },
            new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseOnEscapeKey = true });
        var result = await dialog.Result;
        if (result is { Canceled: false, Data: int count })
        {
            Snackbar.Add($"{count} {(count == 1 ? "answer" : "answers")} imported.", Severity.Success);
            await LoadAsync();
        }
    }

    private async Task ReviewAsync()
    {
        var dialog = await Dialogs.ShowAsync<ReviewDialog>("Review", new DialogParameters<ReviewDialog> { { d => d.AssessmentId, Id } },
            new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseOnEscapeKey = true });
        var result = await dialog.Result;
        if (result is { Canceled: false })
        {
            Snackbar.Add("Decision recorded.", Severity.Success);
            await LoadAsync();
        }
    }

    private async Task ReassessAsync()
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync("Reassess", "Start a new draft for this vendor on the newest published version of the question set, pre-filled with these answers?", yesText: "Start reassessment", cancelText: "Cancel");
        if (confirmed != true)
            return;
        _busy = true;
        try
        {
            var result = await Assessments.ReassessAsync(Id);
            Snackbar.Add($"Reassessment started: {result.NewQuestionKeys.Count} new and {result.ChangedQuestionKeys.Count} changed questions, {result.DroppedAnswers.Count} answers dropped.", Severity.Success);
            Navigation.NavigateTo($"/assessments/{result.AssessmentId}");
        }
        catch (Exception ex) when (ErrorPresenter.IsUserError(ex))
        {
            Snackbar.Add(ErrorText.Of(ex), Severity.Error);
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task RunAsync(Func<Task> action, string done)
    {
        _busy = true;
        try
        {
            await action();
            Snackbar.Add(done, Severity.Success);
        }
        catch (Exception ex) when (ErrorPresenter.IsUserError(ex))
        {
            Snackbar.Add(ErrorText.Of(ex), Severity.Error);
        }
        finally
        {
            _busy = false;
        }
        await LoadAsync();
    }
}
