using VendorRisk.Web.Features.Assessments;

namespace VendorRisk.Web.Features.Portal;

/// <summary>The analyst's side of invitations: the list on the assessment page; inviting and revoking run as use cases.</summary>
public sealed class InvitationService(IDbContextFactory<VendorRiskDbContext> dbFactory, UseCasePipeline pipeline, TimeProvider clock)
{
    public async Task<IReadOnlyList<InvitationSummary>> ListAsync(int assessmentId, CancellationToken cancellationToken = default)
    {
        await pipeline.AuthorizeAsync(new Shared.ReadAssessments(), cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await db.PortalInvitations.AsNoTracking().Where(i => i.AssessmentId == assessmentId)
            .OrderByDescending(i => i.Id).ToListAsync(cancellationToken);
        return rows.Select(i => InvitationStatuses.ToSummary(i, now)).ToList();
    }

    public Task RevokeAsync(int invitationId, CancellationToken cancellationToken = default) =>
        pipeline.RunAsync(new RevokeInvitationRequest(invitationId), cancellationToken);

    public Task<CreatedInvitation> InviteAsync(InviteVendorRequest request, CancellationToken cancellationToken = default) =>
        pipeline.RunAsync(request, cancellationToken);
}
