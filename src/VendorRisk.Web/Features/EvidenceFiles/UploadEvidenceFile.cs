using FluentValidation;
using VendorRisk.Web.Features.Findings;

namespace VendorRisk.Web.Features.EvidenceFiles;

public sealed class UploadEvidenceFileValidator : AbstractValidator<EvidenceUpload>
{
    public UploadEvidenceFileValidator(TimeProvider clock)
    {
        RuleFor(u => u.ValidUntil)
            .Must(d => d!.Value.Year >= 2000 && d.Value <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddYears(10))
            .When(u => u.ValidUntil is not null)
            .WithMessage("Give a date from 2000 up to ten years ahead.");
    }
}

/// <summary>A signed-in user attaches a file to a draft they may change (ADR 0009: its assessor or an Admin).</summary>
public sealed class UploadEvidenceFileHandler(
    IDbContextFactory<VendorRiskDbContext> dbFactory,
    ICurrentUser currentUser,
    UploadEvidenceFileValidator validator,
    EvidenceFileStore store)
{
    public const string Action = "attach evidence files";

    /// <summary>The role check alone, for an endpoint that must refuse a caller before it reads the request body.</summary>
    public Task<Actor> RequireUploaderAsync(CancellationToken cancellationToken = default) =>
        currentUser.RequireAsync(Roles.Assessor, Action, cancellationToken);

    public async Task<EvidenceFileInfo> HandleAsync(EvidenceUpload upload, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var actor = await RequireUploaderAsync(cancellationToken);
        await EvidenceEditors.ThrowIfNotEditorAsync(dbFactory, actor, upload.AssessmentId, cancellationToken);
        await validator.ThrowIfInvalidAsync(upload, cancellationToken);
        return await store.StoreAsync(upload, actor, cancellationToken);
    }
}

internal static class EvidenceEditors
{
    public static async Task ThrowIfNotEditorAsync(IDbContextFactory<VendorRiskDbContext> dbFactory, Actor actor, int assessmentId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var assessorId = await db.Assessments.AsNoTracking().Where(a => a.Id == assessmentId).Select(a => a.AssessorId)
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException($"No assessment with id {assessmentId}.");
        if (!AssessmentWorkflow.MayEditDraft(actor, assessorId))
            throw new ForbiddenException("Only the assessor named on this assessment, or an Admin, may change its evidence files.");
    }
}
