using VendorRisk.Domain.Models;

namespace VendorRisk.Data.Entities;

public sealed class Vendor
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    /// <summary>Upper-cased name, for the unique index (names are unique ignoring case).</summary>
    public string NormalizedName { get; set; } = "";
    public string? Website { get; set; }
    public string? HeadquartersCountry { get; set; }
    public List<string> Jurisdictions { get; set; } = [];
    public string? ParentCompany { get; set; }
    public List<string> Models { get; set; } = [];
    public int? Tier { get; set; }
    public string? OwnerId { get; set; }
    public List<string> Tags { get; set; } = [];
    public string? Notes { get; set; }
    public bool IsArchived { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
    public List<Assessment> Assessments { get; set; } = [];
    public List<ModelOffering> Offerings { get; set; } = [];
}

/// <summary>One model of a vendor, bought through one channel, at its own price and rate limit.</summary>
public sealed class ModelOffering
{
    public int Id { get; set; }
    public int VendorId { get; set; }
    public Vendor Vendor { get; set; } = null!;
    public string Name { get; set; } = "";
    /// <summary>Upper-cased name, for the unique index (names are unique within a vendor ignoring case).</summary>
    public string NormalizedName { get; set; } = "";
    public ModelChannel Channel { get; set; }
    public string? ProviderModelId { get; set; }
    public ModelOfferingStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
}
