namespace VendorRisk.Domain.QuestionSets;

/// <summary>
/// The content of one question-set version, with every default of the interchange format
/// (question-set-format.md) already resolved to its effective value.
/// </summary>
public sealed record QuestionSetDefinition
{
    public required string Key { get; init; }
    public required string Title { get; init; }
    public string? Description { get; init; }
    /// <summary>Ranked best (highest MinScore) to worst.</summary>
    public required IReadOnlyList<RatingBand> RatingBands { get; init; }
    public required string KnockoutRating { get; init; }
    public required IReadOnlyList<Section> Sections { get; init; }

    public IEnumerable<Question> AllQuestions => Sections.SelectMany(s => s.Questions);

    /// <summary>The question with this key (keys are unique across the whole set), or null.</summary>
    public Question? FindQuestion(string questionKey)
    {
        foreach (var section in Sections)
        {
            foreach (var question in section.Questions)
            {
                if (question.Key == questionKey)
                {
                    return question;
                }
            }
        }

        return null;
    }
}

public sealed record RatingBand(string Label, double MinScore);

public sealed record Section
{
    public required string Key { get; init; }
    public required string Title { get; init; }
    public string? Description { get; init; }
    public double Weight { get; init; } = 1;
    public required IReadOnlyList<Question> Questions { get; init; }
}

public enum QuestionType
{
    Choice,
    Multi,
    Number,
    Text,
}

public sealed record Question
{
    public required string Key { get; init; }
    public required string Text { get; init; }
    public string? Guidance { get; init; }
    public required QuestionType Type { get; init; }
    /// <summary>0 for text questions (unscored).</summary>
    public double Weight { get; init; } = 1;
    public bool Critical { get; init; }
    /// <summary>Meaningful only when <see cref="Critical"/>.</summary>
    public double KnockoutBelow { get; init; } = 0.5;
    public bool AllowNotApplicable { get; init; }
    public IReadOnlyList<string> References { get; init; } = [];
    /// <summary>One of <see cref="CostRoles"/>; number questions only.</summary>
    public string? Role { get; init; }
    public string? Unit { get; init; }
    /// <summary>Whether the question is about the company (one answer per vendor) or one model offering.</summary>
    public QuestionLevel Level { get; init; } = QuestionLevel.Vendor;
    public IReadOnlyList<AnswerOption> Options { get; init; } = [];
    /// <summary>Effective maximum for multi questions (default: sum of option scores).</summary>
    public double? MaxScore { get; init; }
    public IReadOnlyList<NumberBand> Bands { get; init; } = [];

    public bool IsScored => Type != QuestionType.Text;
}

public enum QuestionLevel
{
    Vendor,
    Model,
}

/// <summary>The <c>level</c> values of the format.</summary>
public static class QuestionLevelNames
{
    public const string Vendor = "vendor";
    public const string Model = "model";

    public static readonly IReadOnlyList<string> All = [Vendor, Model];

    public static string ToName(QuestionLevel level) => level == QuestionLevel.Model ? Model : Vendor;

    public static bool TryParse(string? name, out QuestionLevel level)
    {
        (var ok, level) = name switch
        {
            Vendor => (true, QuestionLevel.Vendor),
            Model => (true, QuestionLevel.Model),
            _ => (false, QuestionLevel.Vendor),
        };
        return ok;
    }
}

public sealed record AnswerOption(string Key, string Label, double Score);

/// <summary>A number band; <see cref="UpTo"/> null means no upper bound (last band only).</summary>
public sealed record NumberBand(double? UpTo, double Score);

public static class CostRoles
{
    public const string PriceInputPerMTok = "price-input-per-mtok";
    public const string PriceOutputPerMTok = "price-output-per-mtok";
    public const string PriceCachedInputPerMTok = "price-cached-input-per-mtok";
    public const string BatchDiscountPercent = "batch-discount-percent";
    public const string CommittedUseDiscountPercent = "committed-use-discount-percent";
    public const string ResidencySurchargePercent = "residency-surcharge-percent";
    public const string MonthlyMinimumUsd = "monthly-minimum-usd";
    public const string RateLimitTokensPerMinute = "rate-limit-tokens-per-minute";

    /// <summary>In the order of the price card of scoring.md §8 (the order of <c>assumed</c>).</summary>
    public static readonly IReadOnlyList<string> All =
    [
        PriceInputPerMTok, PriceOutputPerMTok, PriceCachedInputPerMTok, BatchDiscountPercent,
        CommittedUseDiscountPercent, ResidencySurchargePercent, MonthlyMinimumUsd, RateLimitTokensPerMinute,
    ];

    /// <summary>Roles whose answer is a percentage that cannot exceed 100.</summary>
    public static readonly IReadOnlyList<string> DiscountPercentages = [BatchDiscountPercent, CommittedUseDiscountPercent];

    public static bool IsCostRole(string? role) => role is not null && All.Contains(role);
}
