using System.Text.RegularExpressions;

namespace VendorRisk.Domain.QuestionSets;

/// <summary>
/// The limits and defaults of question-set-format.md, shared by the interchange validators,
/// the data layer's column sizes and the admin editor.
/// </summary>
public static partial class QuestionSetLimits
{
    public const string FormatId = "vendorrisk.question-set/1";
    public const int MaxFileBytes = 2 * 1024 * 1024;

    public const int KeyMaxLength = 64;
    public const string KeyPattern = "^[a-z0-9]+(-[a-z0-9]+)*$";

    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 4_000;
    public const int RatingBandLabelMaxLength = 40;
    public const double MinScoreMax = 100;

    public const int MinSections = 1;
    public const int MaxSections = 50;
    public const int MinQuestionsPerSection = 1;
    public const int MaxQuestionsPerSection = 500;
    public const int MaxQuestions = 1_000;

    public const double MaxWeight = 100;
    public const double DefaultWeight = 1;
    public const double DefaultKnockoutBelow = 0.5;

    public const int QuestionTextMaxLength = 2_000;
    public const int GuidanceMaxLength = 4_000;
    public const int ReferenceMaxLength = 200;
    public const int UnitMaxLength = 40;
    public const int RoleMaxLength = 40;

    public const int MinOptions = 2;
    public const int MaxOptions = 20;
    public const int OptionLabelMaxLength = 500;

    public const int MinBands = 1;
    public const int MaxBands = 20;

    public static bool IsValidKey(string? key) =>
        key is { Length: > 0 and <= KeyMaxLength } && KeyRegex().IsMatch(key);

    [GeneratedRegex(KeyPattern, RegexOptions.CultureInvariant)]
    private static partial Regex KeyRegex();
}
