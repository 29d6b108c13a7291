using FluentValidation;

namespace VendorRisk.Web.Features.EvidenceFiles;

/// <summary>A received file to add to a draft its uploader may change (ADR 0009: its assessor or an Admin).</summary>
[RequiresRole(Roles.Assessor, UploadEvidenceFileHandler.Action)]
public sealed record AttachEvidenceFileRequest(ReceivedEvidence File) : IUseCase<EvidenceFileInfo>;

/// <summary>The same role, checked before a byte of the upload is read.</summary>
[RequiresRole(Roles.Assessor, UploadEvidenceFileHandler.Action)]
public sealed record MayAttachEvidenceFiles : IQuery;

public sealed class UploadEvidenceFileValidator : AbstractValidator<AttachEvidenceFileRequest>
{
    public UploadEvidenceFileValidator(TimeProvider clock)
    {
        RuleFor(u => u.File.ValidUntil)
            .Must(d => DateRules.IsPlannedDate(d!.Value, clock.Today()))
            .When(u => u.File.ValidUntil is not null)
            .WithMessage(DateRules.PlannedDateMessage)
            .OverridePropertyName("validUntil");
    }
}

/// <summary>Uploads by signed-in users: the role first, then the bytes (outside any transaction), then the pipeline.</summary>
public sealed class UploadEvidenceFileHandler(UseCasePipeline pipeline, EvidenceFileStore store)
{
    public const string Action = "attach evidence files";

    public async Task<EvidenceFileInfo> HandleAsync(EvidenceUpload upload, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var actor = await pipeline.AuthorizeAsync(new MayAttachEvidenceFiles(), cancellationToken);
        await using (var db = await pipeline.Databases.CreateDbContextAsync(cancellationToken))
            await EvidenceEditors.ThrowIfNotEditorAsync(db, actor, upload.AssessmentId, cancellationToken);
        var received = await store.ReceiveAsync(upload, cancellationToken);
        return await pipeline.RunAsync(new AttachEvidenceFileRequest(received), cancellationToken);
    }
}

public sealed class AttachEvidenceFileHandler(EvidenceFileStore store) : IUseCaseHandler<AttachEvidenceFileRequest, EvidenceFileInfo>
{
    public async Task<EvidenceFileInfo> HandleAsync(AttachEvidenceFileRequest request, UseCaseContext context, CancellationToken cancellationToken)
    {
        await EvidenceEditors.ThrowIfNotEditorAsync(context.Db, context.Actor, request.File.AssessmentId, cancellationToken);
        return await store.AttachAsync(context, request.File, cancellationToken);
    }
}

internal static class EvidenceEditors
{
    public static async Task ThrowIfNotEditorAsync(VendorRiskDbContext db, Actor actor, int assessmentId, CancellationToken cancellationToken)
    {
        var assessorId = await db.Assessments.AsNoTracking().Where(a => a.Id == assessmentId).Select(a => a.AssessorId)
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException($"No assessment with id {assessmentId}.");
        if (!AssessmentWorkflow.MayEditDraft(actor, assessorId))
            throw new ForbiddenException("Only the assessor named on this assessment, or an Admin, may change its evidence files.");
    }
}
