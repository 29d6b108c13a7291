namespace VendorRisk.Web.Features.EvidenceFiles;

/// <summary>Removes an evidence file from a draft, by its assessor or an Admin; audited with the file's metadata.</summary>
public sealed class DeleteEvidenceFileHandler(IDbContextFactory<VendorRiskDbContext> dbFactory, ICurrentUser currentUser)
{
    public async Task HandleAsync(int fileId, CancellationToken cancellationToken = default)
    {
        var actor = await currentUser.RequireAsync(Roles.Assessor, "delete evidence files", cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var assessmentId = await db.EvidenceFiles.Where(f => f.Id == fileId).Select(f => (int?)f.AssessmentId).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException($"No evidence file with id {fileId}.");
        await EvidenceEditors.ThrowIfNotEditorAsync(dbFactory, actor, assessmentId, cancellationToken);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LockAssessmentAsync(assessmentId, cancellationToken);
        var status = await db.Assessments.Where(a => a.Id == assessmentId).Select(a => (AssessmentStatus?)a.Status).SingleOrDefaultAsync(cancellationToken);
        EvidenceFileStore.ThrowIfNotDraft(assessmentId, status);
        var file = await db.EvidenceFiles.AsNoTracking().SingleOrDefaultAsync(f => f.Id == fileId, cancellationToken)
            ?? throw new NotFoundException($"No evidence file with id {fileId}.");
        await db.EvidenceFiles.Where(f => f.Id == fileId).ExecuteDeleteAsync(cancellationToken);
        db.Audit(actor, "evidence-file-deleted", AuditEntityTypes.EvidenceFile, $"{assessmentId}/{fileId}",
            $"Evidence file '{file.Name}' removed from {(file.QuestionKey is null ? "the assessment" : $"question '{file.QuestionKey}'")}",
            EvidenceFileStore.Snapshot(file), null);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
