using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace VendorRisk.Web.Features.QuestionSets;

/// <summary>
/// A version as an assessor will see it, with play answers scored live by <see cref="ScoringEngine"/>.
/// Nothing is saved; answers are kept by question key while the definition changes.
/// </summary>
public partial class QuestionSetPreview
{
    [Inject] private TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>The content to preview (a valid draft, or any stored version).</summary>
    [Parameter, EditorRequired] public QuestionSetDefinition Definition { get; set; } = null!;

    private readonly Dictionary<string, AnswerValue> _answers = new(StringComparer.Ordinal);
    private AssessmentScore? _score;
    private QuestionSetDefinition? _scored;

    protected override void OnParametersSet()
    {
        if (!ReferenceEquals(_scored, Definition))
            Rescore();
    }

    private void Rescore()
    {
        _scored = Definition;
        _score = ScoringEngine.Score(Definition, _answers, DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime));
    }

    /// <summary>What the wizard shows of a draft with these answers (<see cref="ShownScore"/>): nothing before the first answer.</summary>
    private ShownScore Shown(AssessmentScore score) => ShownScore.Of(AssessmentStatus.Draft, _answers, score);

    private AnswerValue? AnswerFor(Question question) => _answers.GetValueOrDefault(question.Key);

    private void Set(Question question, Func<AnswerValue, AnswerValue> change)
    {
        var current = AnswerFor(question) ?? new AnswerValue { QuestionKey = question.Key };
        var next = change(current);
        if (next is { HasValue: false, NotApplicable: false })
            _answers.Remove(question.Key);
        else
            _answers[question.Key] = next;
        Rescore();
    }

    private void SetChoice(Question question, string? choice) => Set(question, a => a with { Choice = choice });

    private void SetMulti(Question question, string option, bool chosen) => Set(question, a =>
    {
        var choices = (a.Choices ?? []).Where(c => c != option).ToList();
        if (chosen)
            choices.Add(option);
        return a with { Choices = choices.Count == 0 ? null : choices };
    });

    private bool IsChosen(Question question, string option) => AnswerFor(question)?.Choices?.Contains(option) == true;

    private void SetNumber(Question question, double? value) => Set(question, a => a with { Number = value });

    private void SetText(Question question, string? value) => Set(question, a => a with { Text = string.IsNullOrEmpty(value) ? null : value });

    private void SetNotApplicable(Question question, bool value) => Set(question, a => a with { NotApplicable = value });

    private void Reset()
    {
        _answers.Clear();
        Rescore();
    }

    private QuestionScore? ScoreOf(Question question) => _score?.Questions.FirstOrDefault(q => q.Key == question.Key);

    private static string Percent(double fraction) =>
        (fraction * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string BandText(Question question, NumberBand band, int index)
    {
        var unit = string.IsNullOrEmpty(question.Unit) ? "" : " " + question.Unit;
        var lower = index == 0 ? null : question.Bands[index - 1].UpTo;
        var range = (lower, band.UpTo) switch
        {
            (null, { } up) => $"≤ {Number(up)}{unit}",
            ({ } low, { } up) => $"> {Number(low)} to {Number(up)}{unit}",
            ({ } low, null) => $"> {Number(low)}{unit}",
            _ => "any value",
        };
        return $"{range}: {Number(band.Score)}";
    }

    private Color RatingColor(string? rating)
    {
        if (rating is null)
            return Color.Default;
        var index = Definition.RatingBands.ToList().FindIndex(b => b.Label == rating);
        var count = Definition.RatingBands.Count;
        if (index < 0 || count <= 1)
            return Color.Default;
        var position = (double)index / (count - 1);
        return position switch
        {
            <= 0.01 => Color.Success,
            < 0.5 => Color.Info,
            < 0.99 => Color.Warning,
            _ => Color.Error,
        };
    }
}
