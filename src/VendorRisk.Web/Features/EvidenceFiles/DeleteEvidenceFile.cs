namespace VendorRisk.Web.Features.EvidenceFiles;

[RequiresRole(Roles.Assessor, "delete evidence files")]
public sealed record RemoveEvidenceFileRequest(int FileId) : IUseCase<Done>;

/// <summary>What the pages and the API call to delete a file: <see cref="RemoveEvidenceFileHandler"/> in the pipeline.</summary>
public sealed class DeleteEvidenceFileHandler(UseCasePipeline pipeline)
{
    public Task HandleAsync(int fileId, CancellationToken cancellationToken = default) =>
        pipeline.RunAsync(new RemoveEvidenceFileRequest(fileId), cancellationToken);
}

/// <summary>Removes an evidence file from a draft, by its assessor or an Admin; audited with the file's metadata.</summary>
public sealed class RemoveEvidenceFileHandler : IUseCaseHandler<RemoveEvidenceFileRequest, Done>
{
    public async Task<Done> HandleAsync(RemoveEvidenceFileRequest request, UseCaseContext context, CancellationToken cancellationToken)
    {
        var (db, fileId) = (context.Db, request.FileId);
        var assessmentId = await db.EvidenceFiles.Where(f => f.Id == fileId).Select(f => (int?)f.AssessmentId).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException($"No evidence file with id {fileId}.");
        await EvidenceEditors.ThrowIfNotEditorAsync(db, context.Actor, assessmentId, cancellationToken);

        await db.LockAssessmentAsync(assessmentId, cancellationToken);
        var status = await db.Assessments.Where(a => a.Id == assessmentId).Select(a => (AssessmentStatus?)a.Status).SingleOrDefaultAsync(cancellationToken);
        EvidenceFileStore.ThrowIfNotDraft(assessmentId, status);
        var file = await db.EvidenceFiles.AsNoTracking().SingleOrDefaultAsync(f => f.Id == fileId, cancellationToken)
            ?? throw new NotFoundException($"No evidence file with id {fileId}.");
        await db.EvidenceFiles.Where(f => f.Id == fileId).ExecuteDeleteAsync(cancellationToken);
        context.Audit("evidence-file-deleted", AuditEntityTypes.EvidenceFile, $"{assessmentId}/{fileId}",
            $"Evidence file '{file.Name}' removed from {(file.QuestionKey is null ? "the assessment" : $"question '{file.QuestionKey}'")}",
            EvidenceFileStore.Snapshot(file), null);
        return default;
    }
}
