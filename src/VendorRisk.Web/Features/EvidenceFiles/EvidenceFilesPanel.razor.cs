using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;
using VendorRisk.Domain.EvidenceFiles;

namespace VendorRisk.Web.Features.EvidenceFiles;

/// <summary>
/// The evidence files of one question (or of the assessment as a whole): the list, and on an editable draft an upload
/// by drag and drop or picker. Holds metadata only; an upload streams from the browser into the store.
/// </summary>
public sealed partial class EvidenceFilesPanel
{
    [Inject] private EvidenceFileQueries Queries { get; set; } = null!;
    [Inject] private UploadEvidenceFileHandler Uploads { get; set; } = null!;
    [Inject] private DeleteEvidenceFileHandler Deletes { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;

    /// <summary>The assessment the files belong to.</summary>
    [Parameter, EditorRequired] public int AssessmentId { get; set; }

    /// <summary>The question; null for files on the assessment as a whole.</summary>
    [Parameter] public string? QuestionKey { get; set; }

    /// <summary>Whether this user may attach and delete files here (a draft they may change).</summary>
    [Parameter] public bool CanEdit { get; set; }

    /// <summary>List every file on the assessment's answers, read-only, instead of one question's.</summary>
    [Parameter] public bool AnswersOverview { get; set; }

    [Parameter] public string? Title { get; set; }
    /// <summary>Names a question by its key in the answers overview (the key itself without it).</summary>
    [Parameter] public Func<string, string>? QuestionName { get; set; }
    /// <summary>Told the number of files listed after each load (an upload or a delete reloads); a plain callback, which draws nothing by itself.</summary>
    [Parameter] public Action<int>? CountChanged { get; set; }

    [Parameter] public string EmptyText { get; set; } = "No files attached yet.";

    private IReadOnlyList<EvidenceFileInfo>? _files;
    private (int AssessmentId, string? QuestionKey, bool Overview)? _loadedFor;
    private DateTime? _validUntil;
    private double? _progress;
    private string? _uploadingName;
    private string? _error;
    private bool _busy;
    private bool _dragging;

    private string ScopeId => AnswersOverview ? "answers" : QuestionKey ?? "assessment";

    protected override async Task OnParametersSetAsync()
    {
        if (_loadedFor == (AssessmentId, QuestionKey, AnswersOverview))
            return;
        _loadedFor = (AssessmentId, QuestionKey, AnswersOverview);
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        var files = await Queries.ListAsync(AssessmentId, onlyQuestion: !AnswersOverview, QuestionKey);
        _files = AnswersOverview ? files.Where(f => f.QuestionKey is not null).ToList() : files;
        CountChanged?.Invoke(_files.Count);
    }

    private async Task UploadAsync(IBrowserFile? file)
    {
        if (file is null)
            return;
        _error = null;
        if (file.Size > EvidenceLimits.MaxFileBytes)
        {
            _error = $"{file.Name} is larger than {EvidenceLimits.MaxFileBytes / 1024 / 1024} MB, the most a file may be; it was not sent.";
            return;
        }

        _busy = true;
        _uploadingName = file.Name;
        _progress = 0;
        try
        {
            // One byte over the limit may be read, so the store (not the browser stream) refuses an oversized file.
            await using var browser = file.OpenReadStream(EvidenceLimits.MaxFileBytes + 1);
            await using var counted = new ProgressStream(browser, file.Size, Report);
            var validUntil = _validUntil is { } date ? DateOnly.FromDateTime(date) : (DateOnly?)null;
            var stored = await Uploads.HandleAsync(new EvidenceUpload(AssessmentId, QuestionKey, file.Name, counted, validUntil));
            Snackbar.Add($"{stored.Name} attached.", Severity.Success);
            _validUntil = null;
            await LoadAsync();
        }
        catch (Exception ex) when (ex is IOException || ErrorPresenter.IsUserError(ex))
        {
            _error = ex is ValidationFailedException invalid ? invalid.Sentences : ex.Message;
        }
        finally
        {
            _busy = false;
            _progress = null;
        }
    }

    private void Report(double percent)
    {
        // Redraw in whole steps of 5 %, not for every 32 KB block the browser sends.
        if (_progress is { } shown && Math.Floor(percent / 5) == Math.Floor(shown / 5))
            return;
        _progress = percent;
        _ = InvokeAsync(StateHasChanged);
    }

    private async Task DeleteAsync(EvidenceFileInfo file)
    {
        _error = null;
        _busy = true;
        try
        {
            await Deletes.HandleAsync(file.Id);
            Snackbar.Add($"{file.Name} deleted.", Severity.Info);
            await LoadAsync();
        }
        catch (Exception ex) when (ErrorPresenter.IsUserError(ex))
        {
            _error = ex.Message;
        }
        finally
        {
            _busy = false;
        }
    }

    internal static string SizeText(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => $"{bytes / 1024d:0.#} KB",
        _ => $"{bytes / 1024d / 1024d:0.#} MB",
    };

    private DateOnly Today => Queries.Today;

    private Color ValidityColor(DateOnly until) =>
        until < Today ? Color.Error : until <= Today.AddDays(EvidenceFileQueries.ExpiringWithinDays) ? Color.Warning : Color.Success;

    private string ValidityText(DateOnly until) =>
        until < Today ? $"Expired {until:yyyy-MM-dd}" : $"Valid until {until:yyyy-MM-dd}";
}
