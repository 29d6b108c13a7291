using VendorRisk.Web.Features.EvidenceFiles;

namespace VendorRisk.Web.Features.Portal;

/// <summary>A file the contact attached through the link, as the portal lists it (no download: the portal reads no file back).</summary>
public sealed record PortalFile(string? QuestionKey, string Name, long Size);

/// <summary>
/// Evidence files sent through the portal: stored by <see cref="EvidenceFileStore"/> under the invitation's actor (so the
/// audit names the link), on the invitation's own assessment only. The contact sees only the files of their own link.
/// </summary>
public sealed class PortalEvidence(IDbContextFactory<VendorRiskDbContext> dbFactory, EvidenceFileStore store, TimeProvider clock)
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
        var stored = await store.StoreAsync(new EvidenceUpload(invitation.AssessmentId, questionKey, fileName, content, ValidUntil: null),
            PortalActor.Of(invitation), cancellationToken);
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
