using VendorRisk.Domain.Findings;

namespace VendorRisk.Data.Entities;

/// <summary>
/// Something to fix that an assessment found, optionally tied to one question; a condition of an
/// approval is a finding with <see cref="IsCondition"/>. <see cref="Version"/> is the
/// application-managed concurrency token.
/// </summary>
public sealed class Finding
{
    public int Id { get; set; }
    public int AssessmentId { get; set; }
    public Assessment Assessment { get; set; } = null!;
    public string? QuestionKey { get; set; }
    public string Title { get; set; } = "";
    public FindingSeverity Severity { get; set; }
    public string? Description { get; set; }
    public string? OwnerId { get; set; }
    public DateOnly? DueDate { get; set; }
    public FindingStatus Status { get; set; }
    public bool IsCondition { get; set; }
    /// <summary>Why the risk was accepted; set with the risk-accepted status.</summary>
    public string? Justification { get; set; }
    public string CreatedById { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? ClosedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>
/// An acceptance of the risk of one knockout (scoring.md §4). Never deleted: a revoked or lapsed
/// acceptance stays on record.
/// </summary>
public sealed class RiskAcceptance
{
    public int Id { get; set; }
    public int AssessmentId { get; set; }
    public Assessment Assessment { get; set; } = null!;
    public string QuestionKey { get; set; } = "";
    public string Justification { get; set; } = "";
    public DateOnly Until { get; set; }
    public string AcceptedById { get; set; } = "";
    public DateTime AcceptedAt { get; set; }
    public string? RevokedById { get; set; }
    public DateTime? RevokedAt { get; set; }
}
