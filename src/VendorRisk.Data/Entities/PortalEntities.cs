namespace VendorRisk.Data.Entities;

/// <summary>
/// A vendor contact's invitation to answer one assessment through the response portal. The link's token is
/// never stored: only its SHA-256 (<see cref="TokenHash"/>), so a copy of the database opens no portal.
/// </summary>
public sealed class PortalInvitation
{
    public int Id { get; set; }
    public int AssessmentId { get; set; }
    public Assessment Assessment { get; set; } = null!;
    public string ContactName { get; set; } = "";
    public string ContactEmail { get; set; } = "";
    /// <summary>Lower-case hex SHA-256 of the link's token.</summary>
    public string TokenHash { get; set; } = "";
    public string CreatedById { get; set; } = "";
    public string CreatedByName { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? OpenedAt { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public string? RevokedByName { get; set; }
    public List<VendorAnswer> Answers { get; set; } = [];
}

/// <summary>
/// An answer the vendor gave through the portal, kept apart from the analyst's <see cref="Answer"/> until an
/// analyst accepts (as given or edited) or rejects it. <see cref="Version"/> counts the vendor's saves.
/// </summary>
public sealed class VendorAnswer
{
    public int Id { get; set; }
    public int InvitationId { get; set; }
    public PortalInvitation Invitation { get; set; } = null!;
    public string QuestionKey { get; set; } = "";
    /// <summary>The answer as JSON (<c>AnswerValue</c>, web casing), without note or evidence.</summary>
    public string ValueJson { get; set; } = "";
    /// <summary>The vendor's comment for the reviewer.</summary>
    public string? Comment { get; set; }
    public int Version { get; set; }
    public DateTime UpdatedAt { get; set; }
    public VendorAnswerReview Review { get; set; }
    public string? ReviewedByName { get; set; }
    public DateTime? ReviewedAt { get; set; }
}

public enum VendorAnswerReview
{
    Pending,
    Accepted,
    Edited,
    Rejected,
}
