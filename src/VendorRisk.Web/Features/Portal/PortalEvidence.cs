using VendorRisk.Web.Features.EvidenceFiles;

namespace VendorRisk.Web.Features.Portal;

/// <summary>A file the contact attached through the link, as the portal lists it (no download: the portal reads no file back).</summary>
public sealed record PortalFile(string? QuestionKey, string Name, long Size);

/// <summary>
/// Evidence files sent through the portal: received by <see cref="EvidenceFileStore"/> outside any transaction, then added
/// by <see cref="AttachPortalEvidenceHandler"/> acting as the invitation (so the audit names the link), on the invitation's
/// own assessment only. The contact sees only the files of their own link.
/// </summary>
public sealed class PortalEvidence(IDbContextFactory<VendorRiskDbContext> dbFactory, EvidenceFileStore store, TimeProvider clock, UseCasePipeline pipeline,
    PortalUploadGate gate)
{
    /// <summary>Stores one file on a question of the invitation's assessment; the store's refusals come as <see cref="ValidationFailedException"/>.</summary>
    public async Task<PortalFile> AttachAsync(int invitationId, string questionKey, string? fileName, Stream content, CancellationToken cancellationToken = default)
    {
        Data.Entities.PortalInvitation invitation;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            invitation = await PortalService.LoadActiveAsync(db, invitationId, clock.GetUtcNow().UtcDateTime, cancellationToken);
            await PortalService.OpenAssessmentAsync(db, invitation, cancellationToken);
        }
        if (string.IsNullOrWhiteSpace(questionKey))
            throw RequestRefusals.One("questionKey", "Choose the question the file belongs to.");
        using var slot = gate.TryEnter(invitationId) ?? throw RequestRefusals.One(EvidenceFileStore.FileField, PortalUploadGate.Refusal);
        var received = await store.ReceiveAsync(new EvidenceUpload(invitation.AssessmentId, questionKey, fileName, content, ValidUntil: null), cancellationToken);
        var stored = await pipeline.RunAsync(new AttachPortalEvidenceRequest(invitationId, received), cancellationToken);
        return new PortalFile(stored.QuestionKey, stored.Name, stored.Size);
    }

    /// <summary>The files this link sent, oldest first.</summary>
    public static async Task<IReadOnlyList<PortalFile>> SentThroughAsync(VendorRiskDbContext db, Data.Entities.PortalInvitation invitation, CancellationToken cancellationToken)
    {
        var uploader = PortalActor.Of(invitation).UserId;
        return await db.EvidenceFiles.AsNoTracking()
            .Where(f => f.AssessmentId == invitation.AssessmentId && f.UploadedById == uploader)
            .OrderBy(f => f.Id)
            .Select(f => new PortalFile(f.QuestionKey, f.Name, f.Size))
            .ToListAsync(cancellationToken);
    }
}

/// <summary>A file received through the link of <see cref="InvitationId"/>, to add to its assessment.</summary>
public sealed record AttachPortalEvidenceRequest(int InvitationId, ReceivedEvidence File) : IUseCase<EvidenceFileInfo>, IActorLoadedByHandler;

/// <summary>
/// Adds the file as the link's invitation, if the link still takes answers (open, not submitted, its assessment a draft:
/// checked under the assessment's lock, so a submission racing the upload wins), the file is for its own assessment, and
/// the link has sent fewer than <see cref="PortalOptions.MaxFilesPerLink"/> files.
/// </summary>
public sealed class AttachPortalEvidenceHandler(EvidenceFileStore store, IOptions<PortalOptions> options) : IUseCaseHandler<AttachPortalEvidenceRequest, EvidenceFileInfo>
{
    public async Task<EvidenceFileInfo> HandleAsync(AttachPortalEvidenceRequest request, UseCaseContext context, CancellationToken cancellationToken)
    {
        var (invitation, _) = await PortalService.BeginWriteAsync(context, request.InvitationId, cancellationToken);
        if (invitation.AssessmentId != request.File.AssessmentId)
            throw new ForbiddenException("A portal link adds files to its own assessment only.");
        var uploader = PortalActor.Of(invitation).UserId;
        var sent = await context.Db.EvidenceFiles.CountAsync(f => f.AssessmentId == invitation.AssessmentId && f.UploadedById == uploader, cancellationToken);
        var most = options.Value.MaxFilesPerLink;
        if (sent >= most)
            throw RequestRefusals.One(EvidenceFileStore.FileField, $"This link has sent {sent} files, the most one link may send. Ask the buyer how to send more.");
        // The store's own refusal tells an analyst how much the assessment holds; a vendor is told only that it is full.
        return await store.AttachAsync(context, request.File, cancellationToken,
            quotaRefusal: "There is no room left for this file in the buyer's evidence store for this questionnaire. Ask the buyer how to send it.");
    }
}
