using FluentValidation;

namespace VendorRisk.Web.Features.Findings;

/// <summary>One condition of an approval: a finding with an owner and a due date.</summary>
public sealed record ConditionRequest
{
    public string Title { get; init; } = "";
    public string? OwnerId { get; init; }
    public DateOnly? DueDate { get; init; }
    public FindingSeverity Severity { get; init; } = FindingSeverity.Medium;
    public string? Description { get; init; }
}

/// <summary>The conditions of an approval with conditions.</summary>
public sealed class ConditionValidator : AbstractValidator<ConditionRequest>
{
    public const string TitleMissing = "Say what the condition is.";

    public ConditionValidator(ActiveUsers users, TimeProvider clock)
    {
        RuleFor(c => c.Title).Cascade(CascadeMode.Stop).BeAFindingTitle(TitleMissing);
        RuleFor(c => c.OwnerId).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Choose who owns this condition.")
            .BeAnActiveOwner(users);
        RuleFor(c => c.DueDate).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("Give the date by which the condition must be met.")
            .Must(d => d!.Value >= clock.Today()).WithMessage("The due date is today or later.")
            .Must(d => d!.Value <= DateRules.LatestPlanned(clock.Today())).WithMessage($"The due date is at most {DateRules.MaxYearsAhead} years ahead.");
        RuleFor(c => c.Severity).IsInEnum().WithMessage(FindingRules.SeverityChoice);
        RuleFor(c => c.Description).FitTheDescriptionLimit().When(c => c.Description is not null);
    }
}
