namespace VendorRisk.Web.Features.ModelOfferings;

/// <summary>
/// A model offering to create or change. <paramref name="Channel"/> and <paramref name="Status"/> are the
/// kebab-case values of api.md (<c>aws-bedrock</c>, <c>deprecated</c>); a null status means active.
/// </summary>
/// <summary>An offering's fields as a user gives them; <see cref="CreateModelOfferingRequest"/> and <see cref="UpdateModelOfferingRequest"/> carry them to the pipeline.</summary>
public record ModelOfferingRequest(string? Name, string? Channel, string? ProviderModelId = null, string? Status = null)
{
    /// <summary>Trimmed, with a blank provider model id as none.</summary>
    public ModelOfferingRequest Cleaned() => new(Name?.Trim(), Channel?.Trim(), string.IsNullOrWhiteSpace(ProviderModelId) ? null : ProviderModelId.Trim(), Status?.Trim());
}

public sealed record ModelOfferingInfo(
    int Id,
    int VendorId,
    string Name,
    ModelChannel Channel,
    string? ProviderModelId,
    ModelOfferingStatus Status,
    int Version)
{
    public string ChannelName => KebabEnum.ToKebab(Channel);
    public string StatusName => KebabEnum.ToKebab(Status);
    public string ChannelLabel => ModelOfferingLimits.ChannelLabel(Channel);
}
