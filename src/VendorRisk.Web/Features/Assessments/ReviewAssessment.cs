using FluentValidation;
using VendorRisk.Web.Features.Findings;

namespace VendorRisk.Web.Features.Assessments;

/// <param name="Conditions">
/// For an approval with conditions: each condition becomes a finding with an owner and a due date (at least one).
/// Null keeps the conditions as free text in <paramref name="Comment"/> (API v1 callers that send none).
/// </param>
[RequiresRole(Roles.Reviewer, "review assessments")]
public sealed record ReviewAssessmentRequest(int AssessmentId, ReviewDecision Decision, string? Comment,
    IReadOnlyList<ConditionRequest>? Conditions = null) : IUseCase<Done>;

/// <summary>The decision on its own (Domain's rules), then its conditions; the first problem is the one reported.</summary>
public sealed class ReviewAssessmentValidator : AbstractValidator<ReviewAssessmentRequest>
{
    public ReviewAssessmentValidator(ActiveUsers users, TimeProvider clock)
    {
        ClassLevelCascadeMode = CascadeMode.Stop;
        RuleFor(r => r).Custom((request, context) =>
        {
            if (AssessmentWorkflow.DecisionProblem(request.Decision, request.Comment) is { } problem)
                context.AddFailure(problem.Field, problem.Message);
        });
        RuleFor(r => r.Conditions).Must(c => c is not { Count: > 0 })
            .When(r => r.Decision != ReviewDecision.ApprovedWithConditions)
            .WithMessage("Only an approval with conditions has conditions.");
        When(r => r.Decision == ReviewDecision.ApprovedWithConditions && r.Conditions is not null, () =>
        {
            RuleFor(r => r.Conditions!).Must(c => c.Count > 0).WithMessage("Add at least one condition, with an owner and a due date.");
            RuleForEach(r => r.Conditions).SetValidator(new ConditionValidator(users, clock));
        });
    }
}

/// <summary>Submitted → approved / approved with conditions / rejected, or back to its assessor; conditions become findings.</summary>
public sealed class ReviewAssessmentHandler(Mail.WorkflowMails mails) : IUseCaseHandler<ReviewAssessmentRequest, Done>
{
    public async Task<Done> HandleAsync(ReviewAssessmentRequest request, UseCaseContext context, CancellationToken cancellationToken)
    {
        var assessment = await AssessmentStatusChange.LoadAsync(context, request.AssessmentId, cancellationToken);
        var before = new { status = KebabEnum.ToKebab(assessment.Status), reviewComment = assessment.ReviewComment };
        var outcome = AssessmentWorkflow.Review(assessment.Facts(), context.Actor, request.Decision, request.Comment);

        assessment.Status = outcome.Status;
        assessment.ReviewerId = context.Actor.UserId;
        assessment.ReviewComment = outcome.Comment;
        assessment.ReviewedAt = outcome.Reviewed ? context.Now : null;
        if (!outcome.Reviewed)
            (assessment.SubmittedAt, assessment.SubmittedById) = (null, null);

        var returned = request.Decision == ReviewDecision.Returned;
        context.Audit(returned ? "assessment-returned" : "assessment-reviewed", AuditEntityTypes.Assessment, assessment.Id,
            returned ? "Returned to the assessor" : $"Reviewed: {KebabEnum.ToKebab(request.Decision)}",
            before, new { status = KebabEnum.ToKebab(assessment.Status), reviewComment = outcome.Comment });
        await mails.AssessmentReviewedAsync(context.Db, assessment, request.Decision, outcome.Comment, context.Actor, cancellationToken);
        if (request.Decision == ReviewDecision.ApprovedWithConditions && request.Conditions is not null)
            await mails.FindingsAssignedAsync(context.Db, await RaiseConditionsAsync(context, assessment.Id, request.Conditions, cancellationToken), context.Actor, cancellationToken);
        await AssessmentStatusChange.SaveAsync(context, assessment, cancellationToken);
        return default;
    }

    private static async Task<List<Finding>> RaiseConditionsAsync(UseCaseContext context, int assessmentId, IReadOnlyList<ConditionRequest> conditions,
        CancellationToken cancellationToken)
    {
        var findings = conditions.Select(c => RaiseFindingHandler.NewFinding(context.Actor, new RaiseFindingRequest
        {
            AssessmentId = assessmentId,
            Title = c.Title,
            Severity = c.Severity,
            Description = c.Description,
            OwnerId = c.OwnerId,
            DueDate = c.DueDate,
        }, isCondition: true, context.Now)).ToList();
        context.Db.Findings.AddRange(findings);
        await context.Db.SaveChangesAsync(cancellationToken);
        foreach (var finding in findings)
            RaiseFindingHandler.AuditRaised(context, finding);
        return findings;
    }
}
