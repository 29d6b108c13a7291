using VendorRisk.Domain.Assessments;
using VendorRisk.Domain.QuestionSets;

namespace VendorRisk.Domain.Tests.TestSupport;

/// <summary>Builds effective-value question sets in C#, independent of the JSON parser.</summary>
public sealed class QuestionSetBuilder(string key = "test-set")
{
    private readonly List<Section> _sections = [];
    private IReadOnlyList<RatingBand> _bands =
        [new("Low", 80), new("Moderate", 60), new("High", 40), new("Critical", 0)];
    private string? _knockoutRating;

    public QuestionSetBuilder Bands(params (string Label, double MinScore)[] bands)
    {
        _bands = [.. bands.OrderByDescending(b => b.MinScore).Select(b => new RatingBand(b.Label, b.MinScore))];
        return this;
    }

    public QuestionSetBuilder KnockoutRating(string label)
    {
        _knockoutRating = label;
        return this;
    }

    public QuestionSetBuilder Section(string sectionKey, double weight, params Question[] questions) =>
        Section(sectionKey, sectionKey, weight, questions);

    public QuestionSetBuilder Section(string sectionKey, string title, double weight, params Question[] questions)
    {
        _sections.Add(new Section { Key = sectionKey, Title = title, Weight = weight, Questions = questions });
        return this;
    }

    public QuestionSetDefinition Build() => new()
    {
        Key = key,
        Title = key,
        RatingBands = _bands,
        // Default per question-set-format.md: the second-worst band, the worst when there is only one.
        KnockoutRating = _knockoutRating ?? _bands[Math.Max(0, _bands.Count - 2)].Label,
        Sections = [.. _sections],
    };

    public static Question Choice(string key, double weight = 1, bool critical = false, double knockoutBelow = 0.5,
        bool allowNotApplicable = false, params (string Key, double Score)[] options) => new()
    {
        Key = key,
        Text = $"Question {key}",
        Type = QuestionType.Choice,
        Weight = weight,
        Critical = critical,
        KnockoutBelow = knockoutBelow,
        AllowNotApplicable = allowNotApplicable,
        Options = options.Length > 0
            ? [.. options.Select(o => new AnswerOption(o.Key, $"Option {o.Key}", o.Score))]
            : [new("none", "None", 0), new("some", "Some", 1), new("good", "Good", 3), new("full", "Full", 4)],
    };

    public static Question Multi(string key, double weight = 1, double? maxScore = null, params (string Key, double Score)[] options)
    {
        IReadOnlyList<AnswerOption> resolved = options.Length > 0
            ? [.. options.Select(o => new AnswerOption(o.Key, $"Option {o.Key}", o.Score))]
            : [new("a", "A", 1), new("b", "B", 1), new("c", "C", 1), new("d", "D", 1)];
        return new Question
        {
            Key = key,
            Text = $"Question {key}",
            Type = QuestionType.Multi,
            Weight = weight,
            Options = resolved,
            MaxScore = maxScore ?? resolved.Sum(o => o.Score),
        };
    }

    public static Question Number(string key, double weight = 1, string? role = null, bool allowNotApplicable = false,
        bool critical = false, params (double? UpTo, double Score)[] bands) => new()
    {
        Key = key,
        Text = $"Question {key}",
        Type = QuestionType.Number,
        Weight = weight,
        Role = role,
        Critical = critical,
        AllowNotApplicable = allowNotApplicable,
        Bands = bands.Length > 0
            ? [.. bands.Select(b => new NumberBand(b.UpTo, b.Score))]
            : [new(1, 4), new(5, 3), new(null, 0)],
    };

    public static Question Text(string key, bool allowNotApplicable = false) => new()
    {
        Key = key,
        Text = $"Question {key}",
        Type = QuestionType.Text,
        Weight = 0,
        AllowNotApplicable = allowNotApplicable,
    };
}

public static class Answers
{
    public static AnswerValue Choice(string key, string choice, Evidence? evidence = null) =>
        new() { QuestionKey = key, Choice = choice, Evidence = evidence };

    public static AnswerValue Choices(string key, params string[] choices) =>
        new() { QuestionKey = key, Choices = choices };

    public static AnswerValue Number(string key, double number, Evidence? evidence = null) =>
        new() { QuestionKey = key, Number = number, Evidence = evidence };

    public static AnswerValue Text(string key, string text) => new() { QuestionKey = key, Text = text };

    public static AnswerValue NotApplicable(string key, string justification = "Not offered to us.") =>
        new() { QuestionKey = key, NotApplicable = true, Justification = justification };

    public static IReadOnlyDictionary<string, AnswerValue> Of(params AnswerValue[] answers) =>
        answers.ToDictionary(a => a.QuestionKey);
}
