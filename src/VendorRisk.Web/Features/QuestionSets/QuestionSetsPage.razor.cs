using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;

namespace VendorRisk.Web.Features.QuestionSets;

public partial class QuestionSetsPage
{
    private IReadOnlyList<QuestionSetSummary>? _sets;
    private bool _isAdmin;
    private bool _busy;
    private MudFileUpload<IBrowserFile>? _upload;

    private bool _showCreate;
    private string _newTitle = "";
    private string _newKey = "";
    private bool _keyEdited;
    private IReadOnlyDictionary<string, string[]> _createErrors = new Dictionary<string, string[]>();

    private IReadOnlyList<FormatError>? _importErrors;
    private string _importFileName = "";
    private string _importFileSize = "";

    protected override async Task OnInitializedAsync()
    {
        _isAdmin = (await CurrentUser.GetAsync())?.Can(Roles.Admin) == true;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        try
        {
            _sets = await Service.ListAsync();
        }
        catch (ForbiddenException ex)
        {
            _sets = [];
            Snackbar.Add(ex.Message, Severity.Error);
        }
    }

    private async Task ImportAsync(IBrowserFile? file)
    {
        if (file is null)
            return;
        _importErrors = null;
        _importFileName = file.Name;
        _importFileSize = FormatSize(file.Size);
        if (file.Size > QuestionSetLimits.MaxFileBytes)
        {
            // Refused before reading: the format's limit, not Blazor's default upload limit.
            _importErrors = [new FormatError("$", $"the file is {file.Size.ToString("N0", CultureInfo.InvariantCulture)} bytes; the limit is 2 MiB ({QuestionSetLimits.MaxFileBytes.ToString("N0", CultureInfo.InvariantCulture)} bytes) and it was not read")];
            if (_upload is not null)
                await _upload.ClearAsync();
            return;
        }

        _busy = true;
        try
        {
            await using var stream = file.OpenReadStream(QuestionSetLimits.MaxFileBytes);
            var imported = await Service.ImportAsync(stream);
            Snackbar.Add($"Imported '{imported.Key}' as draft version {imported.Version}.", Severity.Success);
            Navigation.NavigateTo(QuestionSetUi.EditRoute(imported.Key, imported.Version));
        }
        catch (ValidationFailedException ex)
        {
            _importErrors = ex.Errors.SelectMany(e => e.Value.Select(m => new FormatError(e.Key, m))).ToList();
        }
        catch (Exception ex) when (ex is IOException || ErrorPresenter.IsUserError(ex))
        {
            Snackbar.Add(ex.Message, Severity.Error, o => o.VisibleStateDuration = 15_000);
        }
        finally
        {
            _busy = false;
            if (_upload is not null)
                await _upload.ClearAsync();
        }
    }

    private void SuggestKey()
    {
        if (_keyEdited)
            return;
        var slug = Regex.Replace(_newTitle.ToLowerInvariant(), "[^a-z0-9]+", "-").Trim('-');
        _newKey = slug.Length > QuestionSetLimits.KeyMaxLength ? slug[..QuestionSetLimits.KeyMaxLength].TrimEnd('-') : slug;
    }

    private string? CreateError(string path) =>
        _createErrors.TryGetValue(path, out var messages) ? string.Join("; ", messages) : null;

    private async Task CreateAsync()
    {
        _createErrors = new Dictionary<string, string[]>();
        await RunAsync(async () =>
        {
            try
            {
                var created = await Service.CreateSetAsync(_newKey, _newTitle);
                Navigation.NavigateTo(QuestionSetUi.EditRoute(created.Key, created.Version));
            }
            catch (ValidationFailedException ex)
            {
                _createErrors = ex.Errors;
            }
        });
    }

    private Task EditAsync(QuestionSetSummary set) => RunAsync(async () =>
    {
        if (set.Draft is { } draft)
        {
            Navigation.NavigateTo(QuestionSetUi.EditRoute(set.Key, draft.Number));
            return;
        }
        var from = set.Published ?? set.Latest;
        var created = await Service.CreateDraftFromAsync(set.Key, from.Number);
        Navigation.NavigateTo(QuestionSetUi.EditRoute(created.Key, created.Version));
    });

    private Task ExportAsync(string key, int number) => RunAsync(async () =>
        await QuestionSetUi.DownloadAsync(JS, await Service.ExportAsync(key, number)), reload: false);

    private Task PublishAsync(QuestionSetSummary set, QuestionSetVersionSummary version)
    {
        var retires = set.Published is { } current ? $" Version {current.Number} will be retired: it starts no new assessments." : "";
        return ConfirmThenRunAsync("Publish version", $"Publish version {version.Number} of '{set.Title}'? It becomes the version new assessments use and can no longer change.{retires}",
            "Publish", () => Service.PublishAsync(set.Key, version.Number), $"Version {version.Number} of '{set.Key}' published.");
    }

    private Task RetireAsync(QuestionSetSummary set, QuestionSetVersionSummary version) =>
        ConfirmThenRunAsync("Retire version", $"Retire version {version.Number} of '{set.Title}'? No new assessment can start on it; assessments that used it keep showing it. The set has no published version until you publish another.",
            "Retire", () => Service.RetireAsync(set.Key, version.Number), $"Version {version.Number} of '{set.Key}' retired.");

    private Task DeleteDraftAsync(QuestionSetSummary set, QuestionSetVersionSummary version)
    {
        var alone = set.Versions.Count == 1 ? " The set has no other version and is deleted with it." : "";
        return ConfirmThenRunAsync("Delete draft", $"Delete draft version {version.Number} of '{set.Title}'?{alone}",
            "Delete", () => Service.DeleteDraftAsync(set.Key, version.Number), $"Draft version {version.Number} of '{set.Key}' deleted.");
    }

    /// <summary>Asks first; once confirmed, runs <paramref name="action"/> and says <paramref name="done"/>.</summary>
    private async Task ConfirmThenRunAsync(string title, string question, string yesText, Func<Task> action, string done)
    {
        if (await Dialogs.ShowMessageBoxAsync(title, question, yesText: yesText, cancelText: "Cancel") != true)
            return;
        await RunAsync(async () =>
        {
            await action();
            Snackbar.Add(done, Severity.Success);
        });
    }

    private async Task RunAsync(Func<Task> action, bool reload = true)
    {
        _busy = true;
        try
        {
            await action();
        }
        catch (ValidationFailedException ex)
        {
            Snackbar.Add(ex.Message, Severity.Error, o => o.VisibleStateDuration = 20_000);
        }
        catch (Exception ex) when (ErrorPresenter.IsUserError(ex))
        {
            Snackbar.Add(ex.Message, Severity.Error, o => o.VisibleStateDuration = 15_000);
        }
        finally
        {
            _busy = false;
        }
        if (reload)
            await LoadAsync();
    }

    private static string FormatSize(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} bytes",
        < 1024 * 1024 => (bytes / 1024.0).ToString("0.#", CultureInfo.InvariantCulture) + " KB",
        _ => (bytes / 1024.0 / 1024.0).ToString("0.##", CultureInfo.InvariantCulture) + " MB",
    };
}
