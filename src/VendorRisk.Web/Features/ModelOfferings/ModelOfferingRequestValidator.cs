using FluentValidation;

namespace VendorRisk.Web.Features.ModelOfferings;

/// <summary>
/// The rules of a model offering (api.md), run by <see cref="ModelOfferingService"/> for the dialog and
/// the API alike. Uniqueness within the vendor is <see cref="ModelOfferingNameValidator"/>'s, as it needs the database.
/// </summary>
public sealed class ModelOfferingRequestValidator : AbstractValidator<ModelOfferingRequest>
{
    public static readonly IReadOnlyList<string> Channels = [.. Enum.GetValues<ModelChannel>().Select(KebabEnum.ToKebab)];
    public static readonly IReadOnlyList<string> Statuses = [.. Enum.GetValues<ModelOfferingStatus>().Select(KebabEnum.ToKebab)];

    public ModelOfferingRequestValidator()
    {
        RuleFor(r => r.Name).Cascade(CascadeMode.Stop)
            .Must(TextRules.HasVisibleText).WithMessage("Enter the model's name.")
            .Must(name => TextRules.CleanName(name).Length <= ModelOfferingLimits.NameMaxLength)
            .WithMessage($"Use at most {ModelOfferingLimits.NameMaxLength} characters.")
            .Must(name => !name!.Any(char.IsControl)).WithMessage("A name cannot contain control characters.")
            .OverridePropertyName("name");
        RuleFor(r => r.Channel).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage($"Choose a channel: {string.Join(", ", Channels)}.")
            .Must(channel => Channels.Contains(channel!)).WithMessage(r => $"'{r.Channel}' is not a channel; use one of {string.Join(", ", Channels)}.")
            .OverridePropertyName("channel");
        RuleFor(r => r.ProviderModelId)
            .Must(id => TextRules.CleanName(id).Length <= ModelOfferingLimits.ProviderModelIdMaxLength)
            .When(r => r.ProviderModelId is not null)
            .WithMessage($"Use at most {ModelOfferingLimits.ProviderModelIdMaxLength} characters.")
            .OverridePropertyName("providerModelId");
        RuleFor(r => r.Status)
            .Must(status => Statuses.Contains(status!))
            .When(r => r.Status is not null)
            .WithMessage(r => $"'{r.Status}' is not a status; use one of {string.Join(", ", Statuses)}.")
            .OverridePropertyName("status");
    }
}
