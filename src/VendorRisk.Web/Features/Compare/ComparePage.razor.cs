using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;
using VendorRisk.Domain.Comparison;
using VendorRisk.Domain.Costs;

namespace VendorRisk.Web.Features.Compare;

/// <summary>
/// The comparison lives in the URL (<c>set</c>, <c>ids</c>, <c>multipliers</c>, <c>profile</c>, <c>weighting</c>) so it can be
/// bookmarked. Slider moves re-rank at once inside <see cref="WhatIfPanel"/>; the rest of the page (matrix, radar,
/// stability, URL) follows once the sliders rest, from the inputs already in memory.
/// </summary>
public partial class ComparePage : IDisposable
{
    private static readonly TimeSpan SettleDelay = TimeSpan.FromMilliseconds(300);

    [Inject] private IServiceProvider Services { get; set; } = null!;

    [SupplyParameterFromQuery(Name = "set")] public string? SetParameter { get; set; }
    [SupplyParameterFromQuery(Name = "ids")] public string? IdsParameter { get; set; }
    [SupplyParameterFromQuery(Name = "multipliers")] public string? MultipliersParameter { get; set; }
    [SupplyParameterFromQuery(Name = "profile")] public string? ProfileParameter { get; set; }
    [SupplyParameterFromQuery(Name = "weighting")] public string? WeightingParameter { get; set; }

    private IReadOnlyList<QuestionSetOption>? _questionSets;
    private IReadOnlyList<CompareCandidate> _candidates = [];
    private IReadOnlyList<SavedWeightingInfo> _weightings = [];
    private IReadOnlyList<ProfileOption> _profiles = [];
    private string? _setKey;
    private IReadOnlyList<int> _ids = [];
    private ShownComparison? _loaded;
    private ComparisonResult? _result;
    private IReadOnlyDictionary<string, double> _multipliers = new Dictionary<string, double>();
    private IReadOnlyDictionary<string, double>? _panelMultipliers;
    private NamedWorkloadProfile? _profile;
    private string? _weightingName;
    private string? _newWeightingName;
    private string? _error;
    private bool _loading;
    private bool _choosing;
    private bool _editingProfile;
    private bool _exporting;
    private bool _hasCostRoles;
    private (string? Ids, string? Profile) _loadedKey;
    private CancellationTokenSource? _settle;

    private Dictionary<int, string> _names = [];
    private IReadOnlyDictionary<int, string> _colors = new Dictionary<int, string>();
    private Dictionary<int, string> _versionLabels = [];
    private Dictionary<int, VendorRisk.Domain.Assessments.AssessmentStatus> _statuses = [];
    private List<QuestionTable.VendorColumn> _columns = [];
    private CostCurve? _curve;

    // The matrix, radar and costs have no events: one HTML string each per result, not thousands of frames kept twice.
    private MarkupString _matrixHtml;
    private MarkupString _radarHtml;
    private MarkupString _costHtml;

    protected override async Task OnParametersSetAsync()
    {
        _error = null;
        try
        {
            _questionSets ??= await Compare.ListQuestionSetsAsync();
            if (_questionSets.Count == 0)
                return;

            if (string.IsNullOrWhiteSpace(IdsParameter))
            {
                // Without a choice, the set that covers the most vendors.
                var key = _questionSets.Any(s => s.Key == SetParameter)
                    ? SetParameter!
                    : _questionSets.OrderByDescending(s => s.VendorCount).First().Key;
                var defaults = await Compare.DefaultSelectionAsync(key);
                if (!StillOnThisPage)
                    return;
                if (defaults.Count >= ComparisonEngine.MinAssessments)
                {
                    Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
                    {
                        ["set"] = key, ["ids"] = CompareQuery.FormatIds(defaults),
                    }), replace: true);
                    return;
                }

                await UseSetAsync(key);
                _loaded = null;
                _result = null;
                _choosing = true;
                _error = $"Only {defaults.Count} vendor has an assessment of this question set; a comparison needs at least two.";
                return;
            }

            // Our own URL updates after a slider settles change only the multipliers: nothing to reload.
            if (_loaded is not null && _loadedKey == (IdsParameter, ProfileParameter)
                && CompareQuery.FormatMultipliers(_multipliers) == (MultipliersParameter ?? "") && WeightingParameter == _weightingName)
                return;

            await LoadAsync();
        }
        catch (Exception ex) when (ErrorPresenter.IsUserError(ex))
        {
            _error = ErrorText.Of(ex);
            _loaded = null;
            _result = null;
            _loading = false;
        }
    }

    private async Task LoadAsync()
    {
        _loading = true;
        _ids = CompareQuery.ParseIds(IdsParameter);
        var multipliers = CompareQuery.ParseMultipliers(MultipliersParameter);
        _profile = await Compare.ResolveProfileAsync(ProfileParameter);
        var loaded = await Compare.LoadAsync(_ids, multipliers, _profile?.Profile);
        // Only what the page shows and re-ranks from: the snapshots' stored answers and scores would be per-tab copies.
        _loaded = new ShownComparison(loaded.Inputs, [.. loaded.Snapshots.Select(s => new ComparedAssessment(s.Id, s.Label, s.QuestionSetVersionNumber, s.QuestionSet))]);
        _loadedKey = (IdsParameter, ProfileParameter);
        _weightingName = string.IsNullOrWhiteSpace(WeightingParameter) ? null : WeightingParameter.Trim();
        _multipliers = loaded.Result.Multipliers;
        _panelMultipliers = _multipliers;
        _names = loaded.Snapshots.ToDictionary(s => s.Id, s => s.Label);
        // A vendor keeps its colour in every chart while the ranking moves.
        _colors = ChartPalette.ByRanking([.. loaded.Result.Ranking.Select(r => r.AssessmentId), .. loaded.Snapshots.Select(s => s.Id)]);
        _versionLabels = loaded.Snapshots.ToDictionary(s => s.Id, s => s.QuestionSetVersionNumber.ToString(System.Globalization.CultureInfo.InvariantCulture));
        _statuses = loaded.Snapshots.ToDictionary(s => s.Id, s => s.Status);
        _hasCostRoles = loaded.Inputs.Any(i => i.QuestionSet.AllQuestions.Any(q => q.Role is not null));
        _curve = _profile is null || !_hasCostRoles
            ? null
            : CostCurve.Build([.. loaded.Inputs.Select(i => new CostCurveInput(i.AssessmentId, i.QuestionSet, i.Answers))], _profile.Profile);
        await UseSetAsync(loaded.Result.QuestionSetKey);
        await ShowAsync(loaded.Result);
        _loading = false;
    }

    private async Task UseSetAsync(string key)
    {
        if (_setKey == key && _candidates.Count > 0)
            return;
        _setKey = key;
        _candidates = await Compare.ListCandidatesAsync(key);
        _weightings = await Compare.ListWeightingsAsync(key);
        _profiles = await Compare.ListProfilesAsync();
    }

    private async Task ShowAsync(ComparisonResult result)
    {
        _result = result with { Ranking = LeanRanking.Of(result.Ranking) };
        _columns = [.. result.Ranking.Select(r => new QuestionTable.VendorColumn(r.AssessmentId, r.Label, _versionLabels[r.AssessmentId]))];
        _matrixHtml = await StaticHtml.RenderAsync<SectionMatrix>(Services, new Dictionary<string, object?> { [nameof(SectionMatrix.Result)] = _result });
        _radarHtml = await StaticHtml.RenderAsync<RadarChart>(Services, new Dictionary<string, object?>
        {
            [nameof(RadarChart.Labels)] = result.Sections.Select(s => s.Title).ToList(),
            [nameof(RadarChart.Series)] = result.Ranking.Select(r => new RadarChart.RadarSeries(r.Label,
                [.. result.Sections.Select(s => r.Score.Sections.FirstOrDefault(x => x.Key == s.Key)?.Score)],
                _colors[r.AssessmentId])).ToList(),
        });
        _costHtml = result.Cost is null || _profile is null
            ? default
            : await StaticHtml.RenderAsync<CostAtScale>(Services, new Dictionary<string, object?>
            {
                [nameof(CostAtScale.Rows)] = result.Ranking.Select(r => new CostTable.CostRow(r.AssessmentId, r.Label,
                    result.Cost.First(c => c.AssessmentId == r.AssessmentId).Estimate, SensitivityOf(r.AssessmentId))).ToList(),
                [nameof(CostAtScale.Colors)] = _colors,
                [nameof(CostAtScale.Names)] = _names,
                [nameof(CostAtScale.Curve)] = _curve,
                [nameof(CostAtScale.Profile)] = _profile.Profile,
            });
    }

    private CostSensitivity? SensitivityOf(int assessmentId)
    {
        if (_profile is null || _loaded?.Inputs.FirstOrDefault(i => i.AssessmentId == assessmentId) is not { } input)
            return null;
        return CostSensitivity.Find(CostProjection.ReadPriceCard(input.QuestionSet, input.Answers), _profile.Profile);
    }

    private Task OnMultipliersChangedAsync(IReadOnlyDictionary<string, double> multipliers)
    {
        _multipliers = multipliers;
        _weightingName = null;
        _settle?.Cancel();
        _settle?.Dispose();
        _settle = new CancellationTokenSource();
        var token = _settle.Token;
        _ = SettleAsync(token);
        return Task.CompletedTask;
    }

    private async Task SettleAsync(CancellationToken token)
    {
        try
        {
            await Task.Delay(SettleDelay, token);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        await InvokeAsync(async () =>
        {
            if (token.IsCancellationRequested || _loaded is null)
                return;
            await ShowAsync(ComparisonEngine.Compare(_loaded.Inputs, _multipliers, _profile?.Profile));
            UpdateUrl();
            StateHasChanged();
        });
    }

    // A slow default selection, or a slider that settles as the user clicks away, must not take them back here.
    private bool StillOnThisPage => ListAddress.IsShown(Navigation, "/compare");

    private void UpdateUrl()
    {
        if (!StillOnThisPage)
            return;
        var text = CompareQuery.FormatMultipliers(_multipliers);
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            ["multipliers"] = text.Length == 0 ? null : text,
            ["weighting"] = _weightingName,
        }), replace: true);
    }

    private async Task OnSetChangedAsync(string key)
    {
        _choosing = false;
        await Task.Yield();
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            ["set"] = key, ["ids"] = null, ["multipliers"] = null, ["weighting"] = null,
        }));
    }

    private void ApplySelectionAsync(IReadOnlyList<int> ids)
    {
        _choosing = false;
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            ["set"] = _setKey, ["ids"] = CompareQuery.FormatIds(ids),
        }));
    }

    private async Task LoadWeightingAsync(string? name)
    {
        var weighting = _weightings.FirstOrDefault(w => w.Name == name);
        if (weighting is null || _result is null)
            return;
        var known = _result.Sections.Select(s => s.Key).ToHashSet();
        _multipliers = _result.Sections.ToDictionary(s => s.Key, s => weighting.Multipliers.GetValueOrDefault(s.Key, 1));
        _panelMultipliers = _multipliers;
        _weightingName = weighting.Name;
        if (weighting.Multipliers.Keys.Any(k => !known.Contains(k)))
            Snackbar.Add("Some sections of this weighting are not in the compared versions; they were left out.", Severity.Info);
        await ShowAsync(ComparisonEngine.Compare(_loaded!.Inputs, _multipliers, _profile?.Profile));
        UpdateUrl();
    }

    private async Task SaveWeightingAsync()
    {
        if (_setKey is null || string.IsNullOrWhiteSpace(_newWeightingName))
            return;
        try
        {
            var saved = await Compare.SaveWeightingAsync(_newWeightingName, _setKey, _multipliers);
            _weightings = await Compare.ListWeightingsAsync(_setKey);
            _weightingName = saved.Name;
            _newWeightingName = null;
            UpdateUrl();
            Snackbar.Add($"Saved weighting '{saved.Name}'.", Severity.Success);
        }
        catch (Exception ex) when (ErrorPresenter.IsUserError(ex))
        {
            Snackbar.Add(ErrorText.Of(ex), Severity.Error);
        }
    }

    private void ApplyProfileAsync(string profile) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(new Dictionary<string, object?> { ["profile"] = profile }));

    private async Task<bool> SaveProfileAsync(string name, WorkloadProfile profile)
    {
        try
        {
            var saved = await Compare.SaveProfileAsync(name, profile);
            _profiles = await Compare.ListProfilesAsync();
            Snackbar.Add($"Saved workload profile '{saved.Name}'.", Severity.Success);
            ApplyProfileAsync(saved.Name);
            return true;
        }
        catch (Exception ex) when (ErrorPresenter.IsUserError(ex))
        {
            Snackbar.Add(ErrorText.Of(ex), Severity.Error);
            return false;
        }
    }

    private async Task ExportAsync()
    {
        if (_loaded is null)
            return;
        _exporting = true;
        try
        {
            var file = await Reports.RenderComparisonPdfAsync(_ids, _multipliers, ProfileParameter, _weightingName);
            await JS.InvokeVoidAsync("vendorRisk.download", file.FileName, Reports_ContentType, Convert.ToBase64String(file.Content));
        }
        catch (Exception ex) when (ErrorPresenter.IsUserError(ex))
        {
            Snackbar.Add(ErrorText.Of(ex), Severity.Error);
        }
        finally
        {
            _exporting = false;
        }
    }

    private const string Reports_ContentType = ReportFile.ContentType;

    public void Dispose()
    {
        _settle?.Cancel();
        _settle?.Dispose();
        GC.SuppressFinalize(this);
    }

    private sealed record ComparedAssessment(int Id, string Label, int QuestionSetVersionNumber, VendorRisk.Domain.QuestionSets.QuestionSetDefinition QuestionSet);

    private sealed record ShownComparison(IReadOnlyList<ComparisonInput> Inputs, IReadOnlyList<ComparedAssessment> Snapshots);
}
