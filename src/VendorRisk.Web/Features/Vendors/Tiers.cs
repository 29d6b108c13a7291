namespace VendorRisk.Web.Features.Vendors;

/// <summary>How a vendor's criticality tier reads wherever it is shown: the vendors list, its folded caption and the vendor's page.</summary>
public static class Tiers
{
    /// <summary>"Tier 1", or null for a vendor without a tier (each place says that its own way).</summary>
    public static string? Label(int? tier) => tier is { } value ? $"Tier {value}" : null;
}
