namespace VendorRisk.Web.Features.Portal;

public enum InvitationStatus
{
    Pending,
    Opened,
    Submitted,
    Expired,
    Revoked,
}

public sealed record InvitationSummary(
    int Id, string ContactName, string ContactEmail, InvitationStatus Status, string CreatedByName,
    DateTime CreatedAt, DateTime ExpiresAt, DateTime? OpenedAt, DateTime? SubmittedAt, DateTime? RevokedAt)
{
    public bool CanRevoke => Status is InvitationStatus.Pending or InvitationStatus.Opened or InvitationStatus.Submitted;
}

/// <param name="Link">The only time the link (and so its token) exists outside the contact's mailbox.</param>
public sealed record CreatedInvitation(int Id, string Link, DateTime ExpiresAt);

public static class InvitationStatuses
{
    /// <summary>Revoked wins over everything; a submitted link stays "submitted" after its expiry, as the answers came in.</summary>
    public static InvitationStatus Of(PortalInvitation invitation, DateTime now) => invitation switch
    {
        { RevokedAt: not null } => InvitationStatus.Revoked,
        { SubmittedAt: not null } => InvitationStatus.Submitted,
        _ when invitation.ExpiresAt <= now => InvitationStatus.Expired,
        { OpenedAt: not null } => InvitationStatus.Opened,
        _ => InvitationStatus.Pending,
    };

    public static InvitationSummary ToSummary(PortalInvitation i, DateTime now) =>
        new(i.Id, i.ContactName, i.ContactEmail, Of(i, now), i.CreatedByName, i.CreatedAt, i.ExpiresAt, i.OpenedAt, i.SubmittedAt, i.RevokedAt);
}
