using VendorRisk.Web.Features.Mail;

namespace VendorRisk.Web.Features.Portal;

/// <summary>The contact of <see cref="InvitationId"/> hands their answers to the buyer.</summary>
public sealed record SubmitPortalAnswersRequest(int InvitationId) : IUseCase<PortalInvitation>, IActorLoadedByHandler;

/// <summary>Marks the invitation submitted (the link then shows the answers read-only) and queues the assessor's "vendor submitted" mail with it.</summary>
public sealed class SubmitPortalAnswersHandler(PortalMails mails) : IUseCaseHandler<SubmitPortalAnswersRequest, PortalInvitation>
{
    public const string SubmittedAction = "portal-submitted";

    public async Task<PortalInvitation> HandleAsync(SubmitPortalAnswersRequest request, UseCaseContext context, CancellationToken cancellationToken)
    {
        var db = context.Db;
        var (invitation, assessment) = await PortalService.BeginWriteAsync(context, request.InvitationId, cancellationToken);
        var answered = await db.VendorAnswers.CountAsync(a => a.InvitationId == invitation.Id && a.ValueJson != "", cancellationToken);
        if (answered == 0)
            throw RequestRefusals.One("answers", "Answer at least one question before you submit.");
        invitation.SubmittedAt = context.Now;
        context.Audit(SubmittedAction, AuditEntityTypes.PortalInvitation, invitation.Id,
            $"{invitation.ContactName} submitted {answered} answers for assessment #{invitation.AssessmentId}", null, new { answered });
        var vendorName = await db.Vendors.AsNoTracking().Where(v => v.Id == assessment.VendorId).Select(v => v.Name).SingleAsync(cancellationToken);
        await mails.EnqueueVendorSubmittedAsync(db, new VendorSubmittedMail(assessment.AssessorId, assessment.Id, assessment.Title, vendorName,
            invitation.ContactName, answered), cancellationToken);
        return invitation;
    }
}
