using FluentValidation;
using FluentValidation.Results;

namespace VendorRisk.Domain.Assessments;

/// <summary>
/// The answer rules of api.md for one incoming answer against its question; the service runs it for
/// the UI and the API alike. Error keys are the camelCase field names of the API answer
/// (<see cref="AnswerFields"/>); the caller prefixes them (<c>answers[2].choice</c>).
/// </summary>
public sealed class AnswerValidator : AbstractValidator<AnswerValue>
{
    public AnswerValidator(Question question)
    {
        ArgumentNullException.ThrowIfNull(question);

        RuleFor(a => a.Choice)
            .Null().When(_ => question.Type != QuestionType.Choice, ApplyConditionTo.CurrentValidator)
            .WithMessage(WrongKind(question, AnswerFields.Choice))
            .Must(choice => question.Options.Any(o => o.Key == choice))
            .When(a => question.Type == QuestionType.Choice && a.Choice is not null, ApplyConditionTo.CurrentValidator)
            .WithMessage(a => $"'{a.Choice}' is not an option of question '{question.Key}'.")
            .OverridePropertyName(AnswerFields.Choice);

        RuleFor(a => a.Choices)
            .Null().When(_ => question.Type != QuestionType.Multi, ApplyConditionTo.CurrentValidator)
            .WithMessage(WrongKind(question, AnswerFields.Choices))
            .OverridePropertyName(AnswerFields.Choices);
        RuleFor(a => a.Choices)
            .Must(choices => choices!.All(choice => question.Options.Any(o => o.Key == choice)))
            .When(a => question.Type == QuestionType.Multi && a.Choices is not null, ApplyConditionTo.CurrentValidator)
            .WithMessage(a => $"Not options of question '{question.Key}': {string.Join(", ", a.Choices!.Where(c => question.Options.All(o => o.Key != c)).Select(c => $"'{c}'"))}.")
            .OverridePropertyName(AnswerFields.Choices);
        RuleFor(a => a.Choices)
            .Must(BeWithoutRepeatedKeys)
            .When(a => question.Type == QuestionType.Multi && a.Choices is not null, ApplyConditionTo.CurrentValidator)
            .WithMessage("An option may be chosen only once.")
            .OverridePropertyName(AnswerFields.Choices);

        RuleFor(a => a.Number)
            .Null().When(_ => question.Type != QuestionType.Number, ApplyConditionTo.CurrentValidator)
            .WithMessage(WrongKind(question, AnswerFields.Number))
            .Must(BeFiniteAndInRange)
            .When(a => question.Type == QuestionType.Number && a.Number is not null, ApplyConditionTo.CurrentValidator)
            .WithMessage($"A number must be finite and at most {AnswerLimits.MaxMagnitude:0e0} in magnitude.")
            .Must(number => number >= 0 || !double.IsFinite(number!.Value))
            .When(a => question.Type == QuestionType.Number && a.Number is not null && IsCostRole(question), ApplyConditionTo.CurrentValidator)
            .WithMessage($"Question '{question.Key}' is a cost figure and cannot be negative.")
            .Must(number => number <= 100 || !double.IsFinite(number!.Value))
            .When(a => question.Type == QuestionType.Number && a.Number is not null && IsDiscountPercentage(question), ApplyConditionTo.CurrentValidator)
            .WithMessage($"Question '{question.Key}' is a discount percentage and cannot exceed 100.")
            .OverridePropertyName(AnswerFields.Number);

        RuleFor(a => a.Text)
            .Null().When(_ => question.Type != QuestionType.Text, ApplyConditionTo.CurrentValidator)
            .WithMessage(WrongKind(question, AnswerFields.Text))
            .MaximumTextLength(AnswerLimits.TextMaxLength)
            .OverridePropertyName(AnswerFields.Text);

        RuleFor(a => a.NotApplicable)
            .Must(notApplicable => !notApplicable || question.AllowNotApplicable)
            .WithMessage($"Question '{question.Key}' cannot be marked not applicable.")
            .Must((answer, notApplicable) => !notApplicable || !answer.HasValue)
            .WithMessage("An answer marked not applicable carries no value.")
            .OverridePropertyName(AnswerFields.NotApplicable);

        RuleFor(a => a.Justification)
            .NotEmpty().When(a => a.NotApplicable && question.AllowNotApplicable, ApplyConditionTo.CurrentValidator)
            .WithMessage("Marking a question not applicable needs a justification.")
            .MaximumTextLength(AnswerLimits.JustificationMaxLength)
            .OverridePropertyName(AnswerFields.Justification);

        RuleFor(a => a.Note)
            .MaximumTextLength(AnswerLimits.NoteMaxLength)
            .OverridePropertyName(AnswerFields.Note);

        RuleFor(a => a.Evidence!.Description)
            .MaximumTextLength(AnswerLimits.EvidenceDescriptionMaxLength)
            .When(a => a.Evidence is not null, ApplyConditionTo.CurrentValidator)
            .OverridePropertyName(AnswerFields.EvidenceDescription);
    }

    /// <summary>Validates an answer against the set: an unknown question key is an error on <c>questionKey</c>.</summary>
    public static ValidationResult Validate(QuestionSetDefinition set, AnswerValue answer)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(answer);
        var question = set.FindQuestion(answer.QuestionKey);
        if (question is null)
        {
            return new ValidationResult(
            [
                new ValidationFailure(AnswerFields.QuestionKey, $"Question '{answer.QuestionKey}' is not in question set '{set.Key}'."),
            ]);
        }

        return For(question).Validate(answer);
    }

    /// <summary>
    /// One validator per question for as long as the question lives (a cached question set lives as long as the process):
    /// building one costs more than running it, and a built validator is safe to share between threads.
    /// </summary>
    public static AnswerValidator For(Question question) => ByQuestion.GetValue(question, q => new AnswerValidator(q));

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Question, AnswerValidator> ByQuestion = new();

    private static bool IsCostRole(Question question) => CostRoles.IsCostRole(question.Role);

    private static bool IsDiscountPercentage(Question question) =>
        question.Role is { } role && CostRoles.DiscountPercentages.Contains(role);

    private static bool BeWithoutRepeatedKeys(IReadOnlyList<string>? choices) =>
        choices is null || choices.Distinct(StringComparer.Ordinal).Count() == choices.Count;

    private static bool BeFiniteAndInRange(double? number) =>
        number is { } value && double.IsFinite(value) && Math.Abs(value) <= AnswerLimits.MaxMagnitude;

    private static string WrongKind(Question question, string field) =>
        $"A {question.Type.ToString().ToLowerInvariant()} question takes {ValueFieldOf(question.Type)}, not '{field}'.";

    private static string ValueFieldOf(QuestionType type) => type switch
    {
        QuestionType.Choice => $"'{AnswerFields.Choice}'",
        QuestionType.Multi => $"'{AnswerFields.Choices}'",
        QuestionType.Number => $"'{AnswerFields.Number}'",
        _ => $"'{AnswerFields.Text}'",
    };
}

/// <summary>Field names of an API answer, used as error keys.</summary>
public static class AnswerFields
{
    public const string QuestionKey = "questionKey";
    public const string Choice = "choice";
    public const string Choices = "choices";
    public const string Number = "number";
    public const string Text = "text";
    public const string NotApplicable = "notApplicable";
    public const string Justification = "justification";
    public const string Note = "note";
    public const string EvidenceDescription = "evidence.description";
    public const string EvidenceDate = "evidence.date";
}
