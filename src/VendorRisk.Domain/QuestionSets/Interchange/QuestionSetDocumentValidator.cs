using FluentValidation;
using static VendorRisk.Domain.QuestionSets.QuestionSetLimits;

namespace VendorRisk.Domain.QuestionSets.Interchange;

/// <summary>
/// Every value rule of question-set-format.md. Property names come out in FluentValidation's
/// form (<c>Sections[0].Questions[1].Text</c>); <see cref="FormatPath.FromPropertyChain"/>
/// turns them into the format's JSON paths.
/// </summary>
public sealed class QuestionSetDocumentValidator : AbstractValidator<QuestionSetDocument>
{
    public QuestionSetDocumentValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;

        RuleFor(x => x.Format)
            .NotNull().WithMessage("format is required")
            .Equal(FormatId).WithMessage($"format must be \"{FormatId}\"");
        RuleFor(x => x.Key).BeAKey("key");
        RuleFor(x => x.Title).BeRequiredText("title", TitleMaxLength);
        RuleFor(x => x.Description).BeOptionalText("description", DescriptionMaxLength);

        RuleFor(x => x.RatingBands)
            .NotNull().WithMessage("ratingBands is required")
            .NotEmpty().WithMessage("at least 1 rating band is required");
        // Collection rules continue: under Stop, FluentValidation ends a RuleForEach at the
        // first failing element, and every error of a file must be reported.
        RuleForEach(x => x.RatingBands).Cascade(CascadeMode.Continue).SetValidator(new RatingBandDocumentValidator());
        RuleFor(x => x.RatingBands).Custom(HaveUniqueBandsWithOneAtZero!).When(x => x.RatingBands is { Count: > 0 });

        RuleFor(x => x.KnockoutRating)
            .Must(BeABandLabel)
            .When(x => x.KnockoutRating is not null && x.RatingBands is { Count: > 0 })
            .WithMessage(x => $"knockoutRating must be one of the band labels: {string.Join(", ", BandLabels(x))}");

        RuleFor(x => x.Sections)
            .NotNull().WithMessage("sections is required")
            .Must(s => s!.Count >= MinSections).WithMessage("a question set needs at least 1 section")
            .Must(s => s!.Count <= MaxSections).WithMessage($"a question set can have at most {MaxSections} sections")
            .Must(HaveAScoredSection).WithMessage("at least one section needs a weight greater than 0")
            .Must(s => QuestionCount(s!) <= MaxQuestions)
            .WithMessage(x => $"a question set can have at most {MaxQuestions:N0} questions; this one has {QuestionCount(x.Sections!):N0}");
        RuleForEach(x => x.Sections).Cascade(CascadeMode.Continue).SetValidator(new SectionDocumentValidator());
        RuleFor(x => x.Sections).Custom(HaveUniqueKeysAndRoles!).When(x => x.Sections is not null);
    }

    private static IEnumerable<string> BandLabels(QuestionSetDocument document) =>
        (document.RatingBands ?? []).Select(b => b.Label).OfType<string>();

    private static bool BeABandLabel(QuestionSetDocument document, string? label) =>
        BandLabels(document).Contains(label, StringComparer.Ordinal);

    private static bool HaveAScoredSection(List<SectionDocument>? sections) =>
        sections!.Count == 0 || sections.Any(s => (s.Weight ?? DefaultWeight) > 0);

    private static int QuestionCount(List<SectionDocument> sections) => sections.Sum(s => s.Questions?.Count ?? 0);

    private static void HaveUniqueBandsWithOneAtZero(List<RatingBandDocument> bands, ValidationContext<QuestionSetDocument> context)
    {
        var labels = new HashSet<string>(StringComparer.Ordinal);
        var minScores = new HashSet<double>();
        for (var i = 0; i < bands.Count; i++)
        {
            if (bands[i].Label is { Length: > 0 } label && !labels.Add(label))
                context.AddFailure($"RatingBands[{i}].Label", $"label \"{label}\" is used by another rating band");
            if (bands[i].MinScore is { } minScore && !minScores.Add(minScore))
                context.AddFailure($"RatingBands[{i}].MinScore", $"minScore {Show(minScore)} is used by another rating band");
        }

        // Only judged when every band has a minScore, so a missing one is not reported twice.
        if (bands.All(b => b.MinScore is not null) && bands.Count(b => b.MinScore == 0) != 1)
            context.AddFailure("RatingBands", "exactly one rating band must have minScore 0");
    }

    private static void HaveUniqueKeysAndRoles(List<SectionDocument> sections, ValidationContext<QuestionSetDocument> context)
    {
        var sectionKeys = new HashSet<string>(StringComparer.Ordinal);
        var questionKeys = new Dictionary<string, string>(StringComparer.Ordinal);
        var roles = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var s = 0; s < sections.Count; s++)
        {
            if (sections[s].Key is { } sectionKey && !sectionKeys.Add(sectionKey))
                context.AddFailure($"Sections[{s}].Key", $"section key \"{sectionKey}\" is used by another section");

            var questions = sections[s].Questions ?? [];
            for (var q = 0; q < questions.Count; q++)
            {
                var here = $"$.sections[{s}].questions[{q}]";
                if (questions[q].Key is { } key && !questionKeys.TryAdd(key, here))
                    context.AddFailure($"Sections[{s}].Questions[{q}].Key",
                        $"question key \"{key}\" is already used by {questionKeys[key]}; question keys must be unique in the whole set");
                if (questions[q] is { Type: QuestionTypeNames.Number, Role: { } role } && CostRoles.All.Contains(role) && !roles.TryAdd(role, here))
                    context.AddFailure($"Sections[{s}].Questions[{q}].Role",
                        $"role \"{role}\" is already used by {roles[role]}; a set can have at most one question per role");
            }
        }
    }

    internal static string Show(double value) => value.ToString("0.##########", CultureInfo.InvariantCulture);
}

public sealed class RatingBandDocumentValidator : AbstractValidator<RatingBandDocument>
{
    public RatingBandDocumentValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(x => x.Label).BeRequiredText("label", RatingBandLabelMaxLength);
        RuleFor(x => x.MinScore)
            .NotNull().WithMessage("minScore is required")
            .InclusiveBetween(0, MinScoreMax).WithMessage($"minScore must be between 0 and {MinScoreMax}");
    }
}

public sealed class SectionDocumentValidator : AbstractValidator<SectionDocument>
{
    public SectionDocumentValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(x => x.Key).BeAKey("key");
        RuleFor(x => x.Title).BeRequiredText("title", TitleMaxLength);
        RuleFor(x => x.Description).BeOptionalText("description", DescriptionMaxLength);
        RuleFor(x => x.Weight).BeAWeight();
        RuleFor(x => x.Questions)
            .NotNull().WithMessage("questions is required")
            .Must(q => q!.Count >= MinQuestionsPerSection).WithMessage("a section needs at least 1 question")
            .Must(q => q!.Count <= MaxQuestionsPerSection).WithMessage($"a section can have at most {MaxQuestionsPerSection} questions");
        RuleForEach(x => x.Questions).Cascade(CascadeMode.Continue).SetValidator(new QuestionDocumentValidator());
    }
}

public sealed class QuestionDocumentValidator : AbstractValidator<QuestionDocument>
{
    public QuestionDocumentValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;

        RuleFor(x => x.Key).BeAKey("key");
        RuleFor(x => x.Text).BeRequiredText("text", QuestionTextMaxLength);
        RuleFor(x => x.Guidance).BeOptionalText("guidance", GuidanceMaxLength);
        RuleFor(x => x.Type)
            .NotNull().WithMessage("type is required")
            .Must(t => QuestionTypeNames.All.Contains(t!))
            .WithMessage($"type must be one of {string.Join(", ", QuestionTypeNames.All)}");

        RuleFor(x => x.Weight).Null().When(IsText).WithMessage("a text question is unscored and cannot have a weight");
        RuleFor(x => x.Weight).BeAWeight().Unless(IsText);
        RuleFor(x => x.Critical).Null().When(IsText).WithMessage("a text question is unscored and cannot be critical");

        RuleFor(x => x.KnockoutBelow)
            .Must((q, _) => q.Critical == true).WithMessage("knockoutBelow is only allowed on a critical question (critical: true)")
            .Must(k => k > 0 && k <= 1).WithMessage("knockoutBelow must be greater than 0 and at most 1")
            .When(x => x.KnockoutBelow is not null);

        RuleForEach(x => x.References).Cascade(CascadeMode.Continue)
            .Must(r => TextRules.Length(r) <= ReferenceMaxLength).WithMessage($"a reference can have at most {ReferenceMaxLength} characters");

        RuleFor(x => x.Role)
            .Must((q, _) => q.Type == QuestionTypeNames.Number).WithMessage("role is only allowed on a number question")
            .Must(r => CostRoles.All.Contains(r!)).WithMessage($"role must be one of {string.Join(", ", CostRoles.All)}")
            .When(x => x.Role is not null);
        RuleFor(x => x.Unit)
            .Must((q, _) => q.Type == QuestionTypeNames.Number).WithMessage("unit is only allowed on a number question")
            .Must(u => TextRules.Length(u) <= UnitMaxLength).WithMessage($"unit can have at most {UnitMaxLength} characters")
            .When(x => x.Unit is not null);

        RuleFor(x => x.Level)
            .Must(l => QuestionLevelNames.All.Contains(l!))
            .When(x => x.Level is not null)
            .WithMessage($"level must be one of {string.Join(", ", QuestionLevelNames.All)}");

        When(HasOptions, () =>
        {
            RuleFor(x => x.Options)
                .NotNull().WithMessage(x => $"a {x.Type} question needs options")
                .Must(o => o!.Count >= MinOptions).WithMessage(x => $"a {x.Type} question needs at least {MinOptions} options")
                .Must(o => o!.Count <= MaxOptions).WithMessage(x => $"a {x.Type} question can have at most {MaxOptions} options")
                .Must(HaveAPositiveTopScore).WithMessage("the largest option score must be greater than 0");
            RuleForEach(x => x.Options).Cascade(CascadeMode.Continue).SetValidator(new OptionDocumentValidator());
            RuleFor(x => x.Options).Custom(HaveUniqueOptionKeys!).When(x => x.Options is not null);
        }).Otherwise(() =>
        {
            RuleFor(x => x.Options).Null().When(HasKnownType).WithMessage(x => $"a {x.Type} question cannot have options");
        });

        RuleFor(x => x.MaxScore)
            .Must((q, _) => q.Type == QuestionTypeNames.Multi).WithMessage("maxScore is only allowed on a multi question")
            .GreaterThan(0).WithMessage("maxScore must be greater than 0")
            .When(x => x.MaxScore is not null);

        When(x => x.Type == QuestionTypeNames.Number, () =>
        {
            RuleFor(x => x.Bands)
                .NotNull().WithMessage("a number question needs bands")
                .Must(b => b!.Count >= MinBands).WithMessage($"a number question needs at least {MinBands} band")
                .Must(b => b!.Count <= MaxBands).WithMessage($"a number question can have at most {MaxBands} bands")
                .Must(HaveAPositiveTopScore).WithMessage("the largest band score must be greater than 0");
            RuleForEach(x => x.Bands).Cascade(CascadeMode.Continue).SetValidator(new BandDocumentValidator());
            RuleFor(x => x.Bands).Custom(HaveAscendingUpperBounds!).When(x => x.Bands is not null);
        }).Otherwise(() =>
        {
            RuleFor(x => x.Bands).Null().When(HasKnownType).WithMessage(x => $"a {x.Type} question cannot have bands");
        });
    }

    private static bool IsText(QuestionDocument q) => q.Type == QuestionTypeNames.Text;

    private static bool HasKnownType(QuestionDocument q) => QuestionTypeNames.All.Contains(q.Type!);

    private static bool HasOptions(QuestionDocument q) => q.Type is QuestionTypeNames.Choice or QuestionTypeNames.Multi;

    // Judged only when every score is present, so a missing score is not reported twice.
    private static bool HaveAPositiveTopScore(List<OptionDocument>? options) =>
        options!.Count == 0 || options.Any(o => o.Score is null) || options.Max(o => o.Score) > 0;

    private static bool HaveAPositiveTopScore(List<BandDocument>? bands) =>
        bands!.Count == 0 || bands.Any(b => b.Score is null) || bands.Max(b => b.Score) > 0;

    private static void HaveUniqueOptionKeys(List<OptionDocument> options, ValidationContext<QuestionDocument> context)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Count; i++)
        {
            if (options[i].Key is { } key && !keys.Add(key))
                context.AddFailure($"Options[{i}].Key", $"option key \"{key}\" is used by another option of this question");
        }
    }

    private static void HaveAscendingUpperBounds(List<BandDocument> bands, ValidationContext<QuestionDocument> context)
    {
        double? previous = null;
        for (var i = 0; i < bands.Count; i++)
        {
            var upTo = bands[i].UpTo;
            if (upTo is null)
            {
                if (i < bands.Count - 1)
                    context.AddFailure($"Bands[{i}].UpTo", "upTo is required on every band but the last");
                continue;
            }
            if (previous is { } p && upTo <= p)
                context.AddFailure($"Bands[{i}].UpTo",
                    $"upTo must be greater than the previous band's upTo ({QuestionSetDocumentValidator.Show(p)})");
            previous = upTo;
        }
    }
}

public sealed class OptionDocumentValidator : AbstractValidator<OptionDocument>
{
    public OptionDocumentValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(x => x.Key).BeAKey("key");
        RuleFor(x => x.Label).BeRequiredText("label", OptionLabelMaxLength);
        RuleFor(x => x.Score).BeAScore();
    }
}

public sealed class BandDocumentValidator : AbstractValidator<BandDocument>
{
    public BandDocumentValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(x => x.Score).BeAScore();
    }
}

internal static class QuestionSetRuleExtensions
{
    public static IRuleBuilderOptions<T, string?> BeAKey<T>(this IRuleBuilder<T, string?> rule, string field) =>
        rule.NotNull().WithMessage($"{field} is required")
            .MaximumLength(KeyMaxLength).WithMessage($"{field} can have at most {KeyMaxLength} characters")
            .Must(IsValidKey).WithMessage($"{field} must be lowercase kebab-case (a-z, 0-9 and single hyphens), like \"cost-at-scale\"");

    public static IRuleBuilderOptions<T, string?> BeRequiredText<T>(this IRuleBuilder<T, string?> rule, string field, int maxLength) =>
        rule.NotNull().WithMessage($"{field} is required")
            .Must(text => TextRules.HasVisibleText(text) && TextRules.Length(text) <= maxLength).WithMessage($"{field} must be 1–{maxLength:N0} characters");

    public static IRuleBuilderOptions<T, string?> BeOptionalText<T>(this IRuleBuilder<T, string?> rule, string field, int maxLength) =>
        rule.Must(text => TextRules.Length(text) <= maxLength).WithMessage($"{field} can have at most {maxLength:N0} characters");

    public static IRuleBuilderOptions<T, double?> BeAWeight<T>(this IRuleBuilder<T, double?> rule) =>
        rule.InclusiveBetween(0, MaxWeight).WithMessage($"weight must be between 0 and {MaxWeight}");

    public static IRuleBuilderOptions<T, double?> BeAScore<T>(this IRuleBuilder<T, double?> rule) =>
        rule.NotNull().WithMessage("score is required")
            .GreaterThanOrEqualTo(0).WithMessage("score must be 0 or more");
}
