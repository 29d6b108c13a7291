using VendorRisk.Domain.Costs;

namespace VendorRisk.Data.Entities;

/// <summary>Append-only: a trigger refuses updates and deletes.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public string? UserId { get; set; }
    public string UserName { get; set; } = "";
    public string Action { get; set; } = "";
    public string EntityType { get; set; } = "";
    public string? EntityId { get; set; }
    public string Summary { get; set; } = "";
    public string? OldValue { get; set; }
    public string? NewValue { get; set; }
    public bool IsSecurityEvent { get; set; }
}

public sealed class SavedWeighting
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string QuestionSetKey { get; set; } = "";
    public Dictionary<string, double> Multipliers { get; set; } = [];
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}

public sealed class SavedWorkloadProfile
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public double InputTokensPerMonth { get; set; }
    public double OutputTokensPerMonth { get; set; }
    public double Peak { get; set; } = 1;
    public double Agentic { get; set; } = 1;
    public double MonthlyGrowth { get; set; }
    public double CachedInputShare { get; set; }
    public double BatchShare { get; set; }
    public double ReasoningRatio { get; set; }
    public double ActiveHours { get; set; } = WorkloadProfile.DefaultActiveHours;
    public bool Residency { get; set; }
    public double? Units { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>The profile these columns hold (checked again on the way out, as every profile is).</summary>
    public WorkloadProfile ToProfile() => new(InputTokensPerMonth, OutputTokensPerMonth, Peak, Agentic, MonthlyGrowth, CachedInputShare,
        BatchShare, ReasoningRatio, ActiveHours, Residency, Units);

    /// <summary>Takes every field of <paramref name="profile"/>.</summary>
    public void Set(WorkloadProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        InputTokensPerMonth = profile.InputTokensPerMonth;
        OutputTokensPerMonth = profile.OutputTokensPerMonth;
        Peak = profile.Peak;
        Agentic = profile.Agentic;
        MonthlyGrowth = profile.MonthlyGrowth;
        CachedInputShare = profile.CachedInputShare;
        BatchShare = profile.BatchShare;
        ReasoningRatio = profile.ReasoningRatio;
        ActiveHours = profile.ActiveHours;
        Residency = profile.Residency;
        Units = profile.Units;
    }
}

public sealed class ApiToken
{
    public int Id { get; set; }
    public string UserId { get; set; } = "";
    public ApplicationUser User { get; set; } = null!;
    public string Name { get; set; } = "";
    /// <summary>SHA-256 of the token, hex; the token itself is shown once and never stored.</summary>
    public string TokenHash { get; set; } = "";
    public string Prefix { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
}
