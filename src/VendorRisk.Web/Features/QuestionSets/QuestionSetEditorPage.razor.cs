using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using MudBlazor;

namespace VendorRisk.Web.Features.QuestionSets;

/// <summary>The draft editor: edit, preview with a live score, changes against the source version; save and publish.</summary>
public partial class QuestionSetEditorPage
{
    [Parameter] public string Key { get; set; } = "";
    [Parameter] public int Number { get; set; }

    private QuestionSetVersionDetail? _detail;
    private QuestionSetDocument? _document;
    private QuestionSetDefinition? _lastValid;
    private QuestionSetDefinition? _source;
    private IReadOnlyList<FormatError> _errors = [];
    private (string Title, IReadOnlyList<(string Path, string Message)> Problems)? _refusal;
    private string? _error;
    private bool _dirty;
    private bool _busy;
    private int _tab;
    private DateTime? _savedAt;
    private List<BreadcrumbItem> _crumbs = [];

    protected override async Task OnParametersSetAsync()
    {
        _crumbs = [new("Question sets", "/question-sets"), new($"{Key} v{Number}", QuestionSetUi.Route(Key, Number)), new("Edit", null, disabled: true)];
        _error = null;
        try
        {
            _detail = await Service.GetVersionAsync(Key, Number);
            _document = QuestionSetFormat.ToDocument(_detail.Definition, Number);
            _lastValid = _detail.Definition;
            _errors = QuestionSetFormat.Validate(_document);
            _source = _detail.Version.SourceVersionId is { } sourceId
                ? (await Service.GetVersionByIdAsync(sourceId)).Definition
                : null;
            _dirty = false;
        }
        catch (Exception ex) when (ErrorPresenter.IsUserError(ex))
        {
            _error = ex.Message;
        }
    }

    private void Changed(IReadOnlyList<FormatError> errors)
    {
        _errors = errors;
        _dirty = true;
        if (errors.Count == 0)
            _lastValid = QuestionSetFormat.ToDefinition(_document!);
    }

    private async Task<bool> SaveCoreAsync(string refusalTitle)
    {
        try
        {
            var saved = await Service.SaveDraftAsync(_detail!.Version.Id, _document!);
            _dirty = false;
            _savedAt = saved.UpdatedAt;
            _refusal = null;
            return true;
        }
        catch (ValidationFailedException ex)
        {
            _refusal = (refusalTitle, ex.Errors.SelectMany(e => e.Value.Select(m => (e.Key, m))).ToList());
            return false;
        }
    }

    private async Task SaveAsync() => await BusyAsync(async () =>
    {
        if (await SaveCoreAsync("Not saved: fix these problems first."))
            Snackbar.Add("Draft saved.", Severity.Success);
    });

    private async Task PublishAsync() => await BusyAsync(async () =>
    {
        // An invalid or unsaved draft goes through the service's checks first; it refuses with every problem.
        if ((_dirty || _errors.Count > 0) && !await SaveCoreAsync("Publishing refused: the draft has these problems."))
            return;
        var confirmed = await Dialogs.ShowMessageBoxAsync("Publish version",
            $"Publish version {Number}? It becomes the version new assessments use, can no longer change, and retires the version published before it.",
            yesText: "Publish", cancelText: "Cancel");
        if (confirmed != true)
            return;
        try
        {
            await Service.PublishAsync(Key, Number);
        }
        catch (ValidationFailedException ex)
        {
            _refusal = ("Publishing refused: the draft has these problems.", ex.Errors.SelectMany(e => e.Value.Select(m => (e.Key, m))).ToList());
            return;
        }
        Snackbar.Add($"Version {Number} published.", Severity.Success);
        Navigation.NavigateTo(QuestionSetUi.Route(Key, Number));
    });

    private async Task DeleteAsync()
    {
        if (await Dialogs.ShowMessageBoxAsync("Delete draft", $"Delete draft version {Number} and every change in it?", yesText: "Delete", cancelText: "Cancel") != true)
            return;
        await BusyAsync(async () =>
        {
            await Service.DeleteDraftAsync(Key, Number);
            _dirty = false;
            Snackbar.Add($"Draft version {Number} deleted.", Severity.Success);
            Navigation.NavigateTo("/question-sets");
        });
    }

    private async Task ExportAsync() => await BusyAsync(async () =>
        await QuestionSetUi.DownloadAsync(JS, await Service.ExportAsync(Key, Number)));

    private async Task CreateDraftAsync() => await BusyAsync(async () =>
    {
        var created = await Service.CreateDraftFromAsync(Key, Number);
        Navigation.NavigateTo(QuestionSetUi.EditRoute(created.Key, created.Version));
    });

    private async Task ConfirmLeaveAsync(LocationChangingContext context)
    {
        if (!_dirty)
            return;
        var leave = await Dialogs.ShowMessageBoxAsync("Unsaved changes", "This draft has changes that are not saved. Leave and lose them?", yesText: "Leave", cancelText: "Stay");
        if (leave != true)
            context.PreventNavigation();
    }

    private async Task BusyAsync(Func<Task> action)
    {
        _busy = true;
        try
        {
            await action();
        }
        catch (Exception ex) when (ErrorPresenter.IsUserError(ex))
        {
            Snackbar.Add(ex.Message, Severity.Error, o => o.VisibleStateDuration = 15_000);
        }
        finally
        {
            _busy = false;
        }
    }
}
