using VendorRisk.Domain.Access;

namespace VendorRisk.Domain.Assessments;

/// <summary>What the workflow rules look at: where the assessment stands, whose it is, who submitted it, and its status version.</summary>
public sealed record AssessmentFacts(AssessmentStatus Status, string AssessorId, int Version = 0, string? SubmittedById = null)
{
    /// <summary>
    /// Four eyes: the assessor, and whoever submitted the assessment in their place (an Admin may edit and submit any
    /// draft), answered for it; neither reviews it nor accepts its risks.
    /// </summary>
    public bool AnsweredFor(string userId) => HowAnsweredFor(userId) is not null;

    /// <summary>How <paramref name="userId"/> answered for it, as a refusal says it ("You submitted this assessment"), or null.</summary>
    public string? HowAnsweredFor(string userId) =>
        string.Equals(AssessorId, userId, StringComparison.Ordinal) ? "You are the assessor of this assessment"
        : string.Equals(SubmittedById, userId, StringComparison.Ordinal) ? "You submitted this assessment"
        : null;
}

/// <summary>A review's effect on the assessment.</summary>
/// <param name="Reviewed">False when the assessment went back to its assessor (no review date).</param>
public sealed record ReviewOutcome(AssessmentStatus Status, string? Comment, bool Reviewed);

/// <summary>
/// The assessment's life as a state machine: draft → submitted → approved / approved with conditions / rejected,
/// or back to draft; a reviewed assessment starts a new draft by reassessment. Every rule of who may take which
/// step from which status is here; callers load, ask, apply and save.
/// </summary>
public static class AssessmentWorkflow
{
    public const int CommentMaxLength = 10_000;

    /// <summary>
    /// Who may change a draft (its answers, its files, its submission): the assessor named on it, and an Admin
    /// (docs/decisions/0009-who-edits-a-draft.md). Everyone else with the Assessor role reads it.
    /// </summary>
    public static bool MayEditDraft(Actor actor, string assessorId)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.Can(Roles.Admin) || string.Equals(actor.UserId, assessorId, StringComparison.Ordinal);
    }

    /// <summary>Answers, files and the draft's details change only on a draft, and only by its editors.</summary>
    public static void EnsureEditable(AssessmentFacts assessment, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        EnsureDraft(assessment, "only drafts can be edited");
        EnsureEditor(assessment, actor);
    }

    /// <summary>Draft → submitted. An incomplete assessment needs the submitter's confirmation (unanswered questions count as 0).</summary>
    public static AssessmentStatus Submit(AssessmentFacts assessment, Actor actor, double completeness, bool confirmIncomplete)
    {
        EnsureEditable(assessment, actor);
        if (completeness < 100 && !confirmIncomplete)
        {
            throw new WorkflowRefusedException(RefusalReason.Incomplete,
                $"The assessment is {completeness:0.#}\u00a0% complete. Confirm to submit it with unanswered questions (they count as 0).",
                "confirmIncomplete");
        }
        return AssessmentStatus.Submitted;
    }

    /// <summary>
    /// What is wrong with a decision on its own (before anything is loaded), or null: a known decision, and a comment
    /// of at most <see cref="CommentMaxLength"/> characters for every decision but a plain approval.
    /// </summary>
    public static (string Field, string Message)? DecisionProblem(ReviewDecision decision, string? comment)
    {
        comment = TextRules.HasVisibleText(comment) ? comment!.Trim() : null;
        if (!Enum.IsDefined(decision))
            return ("decision", "Choose approved, approved with conditions, rejected or returned.");
        if (comment is null && decision != ReviewDecision.Approved)
        {
            return ("comment", decision switch
            {
                ReviewDecision.ApprovedWithConditions => "State the conditions of the approval.",
                ReviewDecision.Rejected => "State the reason for the rejection.",
                _ => "Say what the assessor should change.",
            });
        }
        if (comment?.Length > CommentMaxLength)
            return ("comment", $"Use at most {CommentMaxLength:N0} characters.");
        return null;
    }

    /// <summary>Submitted → a decision, or back to draft. Nobody reviews an assessment of which they are the assessor or the submitter.</summary>
    public static ReviewOutcome Review(AssessmentFacts assessment, Actor actor, ReviewDecision decision, string? comment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(actor);
        if (DecisionProblem(decision, comment) is { } problem)
            throw new WorkflowRefusedException(RefusalReason.Incomplete, problem.Message, problem.Field);
        comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        if (!actor.Can(Roles.Reviewer))
            throw new WorkflowRefusedException(RefusalReason.NotPermitted, $"Your role ({actor.Role}) may not review assessments; it needs {Roles.Reviewer}.");
        if (assessment.Status != AssessmentStatus.Submitted)
        {
            throw new WorkflowRefusedException(RefusalReason.WrongStatus,
                $"Only a submitted assessment can be reviewed; this one is {KebabEnum.ToKebab(assessment.Status)}.",
                currentStatus: assessment.Status, currentVersion: assessment.Version);
        }
        if (assessment.HowAnsweredFor(actor.UserId) is { } answeredFor)
            throw new WorkflowRefusedException(RefusalReason.NotPermitted, $"{answeredFor}; another reviewer must review it.");

        return decision switch
        {
            ReviewDecision.Returned => new ReviewOutcome(AssessmentStatus.Draft, comment, Reviewed: false),
            ReviewDecision.Approved => new ReviewOutcome(AssessmentStatus.Approved, comment, Reviewed: true),
            ReviewDecision.ApprovedWithConditions => new ReviewOutcome(AssessmentStatus.ApprovedWithConditions, comment, Reviewed: true),
            _ => new ReviewOutcome(AssessmentStatus.Rejected, comment, Reviewed: true),
        };
    }

    /// <summary>Only a reviewed assessment of a vendor still in use starts a reassessment.</summary>
    public static void EnsureReassessable(AssessmentStatus status, Actor actor, string vendorName, bool vendorArchived)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.Can(Roles.Assessor))
            throw new WorkflowRefusedException(RefusalReason.NotPermitted, $"Your role ({actor.Role}) may not start reassessments; it needs {Roles.Assessor}.");
        if (status is AssessmentStatus.Draft or AssessmentStatus.Submitted)
        {
            throw new WorkflowRefusedException(RefusalReason.WrongStatus,
                $"Only a reviewed assessment can be reassessed; this one is {KebabEnum.ToKebab(status)}.", currentStatus: status);
        }
        if (vendorArchived)
            throw new WorkflowRefusedException(RefusalReason.WrongStatus, $"{vendorName} is archived; restore it before reassessing.");
    }

    private static void EnsureDraft(AssessmentFacts assessment, string what)
    {
        if (assessment.Status != AssessmentStatus.Draft)
        {
            throw new WorkflowRefusedException(RefusalReason.WrongStatus,
                $"This assessment is {KebabEnum.ToKebab(assessment.Status)}; {what}.", currentStatus: assessment.Status, currentVersion: assessment.Version);
        }
    }

    private static void EnsureEditor(AssessmentFacts assessment, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.Can(Roles.Assessor) || !MayEditDraft(actor, assessment.AssessorId))
            throw new WorkflowRefusedException(RefusalReason.NotPermitted, "Only the assessor named on this assessment, or an Admin, may change this draft.");
    }
}
