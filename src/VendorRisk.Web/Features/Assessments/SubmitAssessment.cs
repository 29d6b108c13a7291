using VendorRisk.Web.Features.Scores;

namespace VendorRisk.Web.Features.Assessments;

/// <param name="ConfirmIncomplete">Needed when completeness is under 100 % (unanswered questions count as 0).</param>
[RequiresRole(Roles.Assessor, "submit assessments")]
public sealed record SubmitAssessmentRequest(int AssessmentId, bool ConfirmIncomplete) : IUseCase<Done>;

/// <summary>Draft → submitted, with the score at submission in the audit.</summary>
public sealed class SubmitAssessmentHandler(QuestionSetDefinitions definitions, Mail.WorkflowMails mails) : IUseCaseHandler<SubmitAssessmentRequest, Done>
{
    public async Task<Done> HandleAsync(SubmitAssessmentRequest request, UseCaseContext context, CancellationToken cancellationToken)
    {
        var assessment = await AssessmentStatusChange.LoadAsync(context, request.AssessmentId, cancellationToken);
        var answers = await context.Db.Answers.AsNoTracking().Where(a => a.AssessmentId == assessment.Id).ToListAsync(cancellationToken);
        // A draft sent back by its reviewer keeps the knockout acceptances given while it was submitted.
        var today = DateOnly.FromDateTime(context.Now);
        var score = ScoringEngine.Score(definitions.Get(assessment.QuestionSetVersion),
            answers.ToDictionary(a => a.QuestionKey, a => a.ToValue()), today,
            acceptances: await KnockoutAcceptanceReads.OfAssessmentAsync(context.Db, assessment.Id, today, cancellationToken));

        assessment.Status = AssessmentWorkflow.Submit(assessment.Facts(), context.Actor, score.Completeness, request.ConfirmIncomplete);
        assessment.SubmittedAt = context.Now;
        assessment.SubmittedById = context.Actor.UserId;
        context.Audit("assessment-submitted", AuditEntityTypes.Assessment, assessment.Id,
            $"Submitted ({score.Completeness:0.#}\u00a0% complete, score {ScoreFormat.Display(score.Overall)}, rating {score.Rating ?? "none"})",
            new { status = "draft" }, new { status = "submitted", completeness = score.Completeness, overall = score.Overall, score.Rating, score.Knockouts });
        await mails.AssessmentSubmittedAsync(context.Db, assessment, context.Actor, cancellationToken);
        await AssessmentStatusChange.SaveAsync(context, assessment, cancellationToken);
        return default;
    }
}
