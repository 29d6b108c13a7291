using Microsoft.EntityFrameworkCore;
using VendorRisk.Data;
using VendorRisk.Data.Entities;
using VendorRisk.Domain.Common;
using VendorRisk.Web.Features.Assessments;
using VendorRisk.Web.Infrastructure;

namespace VendorRisk.Web.Features.Portal;

/// <summary>The analyst's side of invitations: the list on the assessment page, and revoking a link.</summary>
public sealed class InvitationService(IDbContextFactory<VendorRiskDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
{
    public const string RevokedAction = "portal-invitation-revoked";

    public async Task<IReadOnlyList<InvitationSummary>> ListAsync(int assessmentId, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAsync(Roles.Viewer, "read assessments", cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await db.PortalInvitations.AsNoTracking().Where(i => i.AssessmentId == assessmentId)
            .OrderByDescending(i => i.Id).ToListAsync(cancellationToken);
        return rows.Select(i => InvitationStatuses.ToSummary(i, now)).ToList();
    }

    public async Task RevokeAsync(int invitationId, CancellationToken cancellationToken = default)
    {
        var actor = await currentUser.RequireAsync(Roles.Assessor, "revoke portal links", cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var invitation = await db.PortalInvitations.Include(i => i.Assessment).SingleOrDefaultAsync(i => i.Id == invitationId, cancellationToken)
            ?? throw new NotFoundException($"No portal invitation with id {invitationId}.");
        if (!AssessmentService.CanEditDraft(actor, invitation.Assessment.AssessorId))
            throw new ForbiddenException("Only the assessor named on this assessment, or an Admin, may revoke its portal links.");
        if (invitation.RevokedAt is not null)
            return;
        invitation.RevokedAt = clock.GetUtcNow().UtcDateTime;
        invitation.RevokedByName = actor.Name;
        db.Audit(actor, RevokedAction, AuditEntityTypes.PortalInvitation, invitation.Id,
            $"Portal link of {invitation.ContactName} for assessment #{invitation.AssessmentId} revoked", null, null, securityEvent: true);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
