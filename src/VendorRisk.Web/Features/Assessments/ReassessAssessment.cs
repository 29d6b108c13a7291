namespace VendorRisk.Web.Features.Assessments;

[RequiresRole(Roles.Assessor, "start reassessments")]
public sealed record ReassessAssessmentRequest(int AssessmentId) : IUseCase<ReassessResult>;

/// <summary>
/// Starts a new draft for the same vendor (and offering) on the newest published version of the same set, pre-filled
/// by question key; what was carried over, dropped, new and changed is kept on the draft as its notice.
/// </summary>
public sealed class ReassessAssessmentHandler(QuestionSetDefinitions definitions) : IUseCaseHandler<ReassessAssessmentRequest, ReassessResult>
{
    public const string ReassessedAction = "assessment-reassessed";

    public async Task<ReassessResult> HandleAsync(ReassessAssessmentRequest request, UseCaseContext context, CancellationToken cancellationToken)
    {
        var db = context.Db;
        var old = await db.Assessments.AsNoTracking()
            .Include(a => a.QuestionSetVersion).ThenInclude(v => v.QuestionSet)
            .Include(a => a.Answers).Include(a => a.Vendor)
            .SingleOrDefaultAsync(a => a.Id == request.AssessmentId, cancellationToken)
            ?? throw new NotFoundException($"No assessment with id {request.AssessmentId}.");
        AssessmentWorkflow.EnsureReassessable(old.Status, context.Actor, old.Vendor.Name, old.Vendor.IsArchived);

        var newest = await db.QuestionSetVersions.AsNoTracking()
            .Where(v => v.QuestionSetId == old.QuestionSetVersion.QuestionSetId && v.Status == VersionStatus.Published)
            .OrderByDescending(v => v.Number).FirstOrDefaultAsync(cancellationToken)
            ?? throw new ConflictException($"Question set '{old.QuestionSetVersion.QuestionSet.Key}' has no published version to reassess on.");
        var mapping = ReassessmentMapper.Map(
            definitions.Get(old.QuestionSetVersion),
            old.Answers.ToDictionary(a => a.QuestionKey, a => a.ToValue()),
            definitions.Get(newest));

        var title = $"{old.Title} — reassessment {context.Now:yyyy-MM-dd}";
        var assessment = new Assessment
        {
            VendorId = old.VendorId,
            QuestionSetVersionId = newest.Id,
            Title = title.Length > AssessmentLimits.TitleMaxLength ? title[..AssessmentLimits.TitleMaxLength] : title,
            Scope = old.Scope,
            AssessorId = context.Actor.UserId == Actor.System.UserId ? old.AssessorId : context.Actor.UserId,
            Status = AssessmentStatus.Draft,
            CreatedAt = context.Now,
            UpdatedAt = context.Now,
            PreviousAssessmentId = old.Id,
            ModelOfferingId = old.ModelOfferingId,
            Version = 1,
            ReassessmentNotice = new ReassessmentNotice(old.Id, old.QuestionSetVersion.Number, newest.Number,
                mapping.NewQuestionKeys, mapping.ChangedQuestionKeys, mapping.DroppedAnswers),
        };
        foreach (var (key, value) in mapping.KeptAnswers)
            assessment.Answers.Add(NewAnswers.FirstVersion(key, value, context));
        db.Assessments.Add(assessment);
        await db.SaveChangesAsync(cancellationToken);

        context.Audit(ReassessedAction, AuditEntityTypes.Assessment, assessment.Id,
            $"Reassessment of #{old.Id} on v{newest.Number}: {mapping.KeptAnswers.Count} answers carried over, {mapping.DroppedAnswers.Count} dropped, " +
            $"{mapping.NewQuestionKeys.Count} new and {mapping.ChangedQuestionKeys.Count} changed questions",
            null, assessment.ReassessmentNotice);
        return new ReassessResult(assessment.Id, mapping.NewQuestionKeys, mapping.ChangedQuestionKeys, mapping.DroppedAnswers);
    }
}
