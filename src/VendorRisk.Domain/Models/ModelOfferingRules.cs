namespace VendorRisk.Domain.Models;

/// <summary>How the buyer reaches the model (api.md): stored and sent as kebab-case (<c>aws-bedrock</c>).</summary>
public enum ModelChannel
{
    Direct,
    AwsBedrock,
    GoogleVertex,
    Azure,
    Other,
}

public enum ModelOfferingStatus
{
    Active,
    Deprecated,
    Retired,
}

/// <summary>The limits of a model offering, shared by the validator and the data layer's column sizes.</summary>
public static class ModelOfferingLimits
{
    public const int NameMaxLength = 200;
    public const int ProviderModelIdMaxLength = 200;

    /// <summary>How an assessment of an offering is labelled everywhere (scoring.md §7).</summary>
    public static string Label(string vendorName, string? modelName) =>
        modelName is null ? vendorName : $"{vendorName} · {modelName}";

    public static string ChannelLabel(ModelChannel channel) => channel switch
    {
        ModelChannel.Direct => "Vendor's own API",
        ModelChannel.AwsBedrock => "AWS Bedrock",
        ModelChannel.GoogleVertex => "Google Vertex AI",
        ModelChannel.Azure => "Azure",
        _ => "Other",
    };
}
