namespace VendorRisk.Domain.QuestionSets.Interchange;

// Mutable mirror of the JSON file (question-set-format.md), field for field. Null means
// "absent in the file"; the admin editor binds to these classes too.

public sealed class QuestionSetDocument
{
    public string? Format { get; set; }
    public string? Key { get; set; }
    public string? Title { get; set; }
    public string? Description { get; set; }
    public int? Version { get; set; }
    public List<RatingBandDocument>? RatingBands { get; set; }
    public string? KnockoutRating { get; set; }
    public List<SectionDocument>? Sections { get; set; }
}

public sealed class RatingBandDocument
{
    public string? Label { get; set; }
    public double? MinScore { get; set; }
}

public sealed class SectionDocument
{
    public string? Key { get; set; }
    public string? Title { get; set; }
    public string? Description { get; set; }
    public double? Weight { get; set; }
    public List<QuestionDocument>? Questions { get; set; }
}

public sealed class QuestionDocument
{
    public string? Key { get; set; }
    public string? Text { get; set; }
    public string? Guidance { get; set; }
    /// <summary>One of <see cref="QuestionTypeNames"/>.</summary>
    public string? Type { get; set; }
    public double? Weight { get; set; }
    public bool? Critical { get; set; }
    public double? KnockoutBelow { get; set; }
    public bool? AllowNotApplicable { get; set; }
    public List<string>? References { get; set; }
    public string? Role { get; set; }
    public string? Unit { get; set; }
    /// <summary>One of <see cref="QuestionLevelNames"/>; absent means vendor.</summary>
    public string? Level { get; set; }
    public List<OptionDocument>? Options { get; set; }
    public double? MaxScore { get; set; }
    public List<BandDocument>? Bands { get; set; }
}

public sealed class OptionDocument
{
    public string? Key { get; set; }
    public string? Label { get; set; }
    public double? Score { get; set; }
}

public sealed class BandDocument
{
    public double? UpTo { get; set; }
    public double? Score { get; set; }
}

/// <summary>The <c>type</c> values of the format and their <see cref="QuestionType"/>.</summary>
public static class QuestionTypeNames
{
    public const string Choice = "choice";
    public const string Multi = "multi";
    public const string Number = "number";
    public const string Text = "text";

    public static readonly IReadOnlyList<string> All = [Choice, Multi, Number, Text];

    public static string ToName(QuestionType type) => type switch
    {
        QuestionType.Choice => Choice,
        QuestionType.Multi => Multi,
        QuestionType.Number => Number,
        QuestionType.Text => Text,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    public static bool TryParse(string? name, out QuestionType type)
    {
        (var ok, type) = name switch
        {
            Choice => (true, QuestionType.Choice),
            Multi => (true, QuestionType.Multi),
            Number => (true, QuestionType.Number),
            Text => (true, QuestionType.Text),
            _ => (false, default),
        };
        return ok;
    }
}

/// <summary>One problem in a question-set file, e.g. <c>$.sections[1].questions[4].options</c>.</summary>
public sealed record FormatError(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
