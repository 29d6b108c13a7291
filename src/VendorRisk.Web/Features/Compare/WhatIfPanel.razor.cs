using Microsoft.AspNetCore.Components;
using VendorRisk.Domain.Comparison;
using VendorRisk.Web.Features.Shared;

namespace VendorRisk.Web.Features.Compare;

/// <summary>
/// Ranking cards and one weight slider per section. A slider move re-scores the assessments with
/// <see cref="ScoringEngine"/> and re-ranks them with <see cref="ComparisonEngine.Rank"/> here and now;
/// everything else on the page (matrix, stability) follows when the page recomputes.
/// </summary>
public partial class WhatIfPanel
{
    private readonly Dictionary<string, double> _multipliers = new(StringComparer.Ordinal);
    private IReadOnlyList<RankedAssessment> _ranking = [];
    private MarkupString _rankingHtml;
    private Dictionary<int, ComparisonInput> _inputsById = [];
    private IReadOnlyList<ComparisonInput>? _scoredInputs;
    private IReadOnlyDictionary<string, double>? _adoptedMultipliers;
    private bool _stale;
    private object? _lastStabilityFor;

    private bool IsDefault => _multipliers.Values.All(m => m == 1);

    /// <summary>The current ranking, best first (for the page and tests).</summary>
    public IReadOnlyList<RankedAssessment> Ranking => _ranking;

    [Inject] private IServiceProvider Services { get; set; } = null!;

    protected override async Task OnParametersSetAsync()
    {
        var rescore = false;
        if (!ReferenceEquals(Multipliers, _adoptedMultipliers))
        {
            _adoptedMultipliers = Multipliers;
            _multipliers.Clear();
            foreach (var section in Sections)
                _multipliers[section.Key] = Multipliers?.GetValueOrDefault(section.Key, 1) ?? 1;
            rescore = true;
        }

        if (!ReferenceEquals(Inputs, _scoredInputs))
        {
            _scoredInputs = Inputs;
            _inputsById = Inputs.ToDictionary(i => i.AssessmentId);
            rescore = true;
        }

        // A recalculation can give the same sentence ("Stable…"): what clears "recalculating" is a new result, not new words.
        if (!ReferenceEquals(StabilityFor, _lastStabilityFor))
        {
            _lastStabilityFor = StabilityFor;
            _stale = false;
        }

        if (rescore)
            await RescoreAsync();
    }

    private async Task RescoreAsync()
    {
        var scores = new AssessmentScore[Inputs.Count];
        for (var i = 0; i < Inputs.Count; i++)
            scores[i] = ScoringEngine.Score(Inputs[i].QuestionSet, Inputs[i].Answers, Inputs[i].AsOf, _multipliers, Inputs[i].Acceptances);
        _ranking = Inputs.Count == 0 ? [] : LeanRanking.Of(ComparisonEngine.Rank(Inputs, scores));
        // Cards without events: one HTML string per ranking instead of ten cards' frames kept twice.
        _rankingHtml = await StaticHtml.RenderAsync<RankingCards>(Services, new Dictionary<string, object?>
        {
            [nameof(RankingCards.Ranking)] = _ranking,
            [nameof(RankingCards.InputsById)] = _inputsById,
            [nameof(RankingCards.VersionLabels)] = VersionLabels,
            [nameof(RankingCards.Statuses)] = Statuses,
        });
    }

    private Task OnSliderInputAsync(string sectionKey, object? value) =>
        // "NaN" parses, and would pass the clamp: a forged value the scoring engine refuses would end the circuit.
        double.TryParse(value as string, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
            ? OnSliderAsync(sectionKey, number)
            : Task.CompletedTask;

    private async Task OnSliderAsync(string sectionKey, double value)
    {
        value = Math.Clamp(Math.Round(value, 2, MidpointRounding.AwayFromZero), RankStabilityAnalyzer.MinMultiplier, RankStabilityAnalyzer.MaxMultiplier);
        if (_multipliers.GetValueOrDefault(sectionKey, 1) == value)
            return;
        _multipliers[sectionKey] = value;
        await ChangedAsync();
    }

    private async Task ResetAsync()
    {
        foreach (var key in _multipliers.Keys.ToList())
            _multipliers[key] = 1;
        await ChangedAsync();
    }

    private async Task ChangedAsync()
    {
        await RescoreAsync();
        _stale = true;
        if (OnMultipliersChanged is not null)
            await OnMultipliersChanged(new Dictionary<string, double>(_multipliers, StringComparer.Ordinal));
    }

    /// <summary>Version labels per assessment id, for the cards.</summary>
    [Parameter] public IReadOnlyDictionary<int, string>? VersionLabels { get; set; }

    /// <summary>Each assessment's status, shown on its card; drafts, submissions and rejections raise a warning.</summary>
    [Parameter] public IReadOnlyDictionary<int, AssessmentStatus>? Statuses { get; set; }

    /// <summary>The comparison PDF's warning: an unreviewed assessment may still change, a rejected one should not be chosen.</summary>
    private string? StatusWarning()
    {
        if (Statuses is null)
            return null;
        var pending = Inputs.Where(i => Statuses.GetValueOrDefault(i.AssessmentId) is AssessmentStatus.Draft or AssessmentStatus.Submitted or AssessmentStatus.Rejected)
            .Select(i => $"{i.VendorName}: {StatusChip.Label(Statuses[i.AssessmentId]).ToLowerInvariant()}")
            .ToList();
        return pending.Count == 0
            ? null
            : $"Not every assessment compared is approved ({string.Join("; ", pending)}). A draft or an assessment awaiting review may still change; a rejected one should not be chosen.";
    }
}
