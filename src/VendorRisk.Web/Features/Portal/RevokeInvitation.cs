namespace VendorRisk.Web.Features.Portal;

/// <summary>Stop a portal link at once. Answers it already submitted stay for review.</summary>
[RequiresRole(Roles.Assessor, "revoke portal links")]
public sealed record RevokeInvitationRequest(int InvitationId) : IUseCase<Done>;

/// <summary>Whoever may edit the assessment's draft revokes its links, whatever its status now.</summary>
public sealed class RevokeInvitationHandler : IUseCaseHandler<RevokeInvitationRequest, Done>
{
    public const string Action = "portal-invitation-revoked";

    public async Task<Done> HandleAsync(RevokeInvitationRequest request, UseCaseContext context, CancellationToken cancellationToken)
    {
        var invitation = await context.Db.PortalInvitations.Include(i => i.Assessment).SingleOrDefaultAsync(i => i.Id == request.InvitationId, cancellationToken)
            ?? throw new NotFoundException($"No portal invitation with id {request.InvitationId}.");
        if (!AssessmentWorkflow.MayEditDraft(context.Actor, invitation.Assessment.AssessorId))
            throw new ForbiddenException("Only the assessor named on this assessment, or an Admin, may revoke its portal links.");
        if (invitation.RevokedAt is not null)
            return default;
        invitation.RevokedAt = context.Now;
        invitation.RevokedByName = context.Actor.Name;
        context.Audit(Action, AuditEntityTypes.PortalInvitation, invitation.Id,
            $"Portal link of {invitation.ContactName} for assessment #{invitation.AssessmentId} revoked", securityEvent: true);
        return default;
    }
}
