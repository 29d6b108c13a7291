using VendorRisk.Domain.Access;
using VendorRisk.Domain.Assessments;

namespace VendorRisk.Domain.Tests.Assessments;

public sealed class AssessmentWorkflowTests
{
    private static readonly Actor Assessor = new("u-assessor", "Ana Assessor", Roles.Assessor);
    private static readonly Actor OtherAssessor = new("u-other", "Otto Assessor", Roles.Assessor);
    private static readonly Actor Reviewer = new("u-reviewer", "Rita Reviewer", Roles.Reviewer);
    private static readonly Actor Admin = new("u-admin", "Adam Admin", Roles.Admin);
    private static readonly Actor Viewer = new("u-viewer", "Vic Viewer", Roles.Viewer);

    private static AssessmentFacts Facts(AssessmentStatus status, string assessorId = "u-assessor", int version = 3) => new(status, assessorId, version);

    private static RefusalReason Refusal(Action step) => Assert.Throws<WorkflowRefusedException>(step).Reason;

    [Fact]
    public void The_assessor_submits_a_complete_draft()
    {
        Assert.Equal(AssessmentStatus.Submitted, AssessmentWorkflow.Submit(Facts(AssessmentStatus.Draft), Assessor, 100, confirmIncomplete: false));
    }

    [Fact]
    public void An_admin_submits_anyone_s_draft()
    {
        Assert.Equal(AssessmentStatus.Submitted, AssessmentWorkflow.Submit(Facts(AssessmentStatus.Draft), Admin, 100, confirmIncomplete: false));
    }

    [Fact]
    public void An_incomplete_draft_needs_the_submitter_s_confirmation()
    {
        var refusal = Assert.Throws<WorkflowRefusedException>(() => AssessmentWorkflow.Submit(Facts(AssessmentStatus.Draft), Assessor, 62.5, confirmIncomplete: false));
        Assert.Equal(RefusalReason.Incomplete, refusal.Reason);
        Assert.Equal("confirmIncomplete", refusal.Field);
        Assert.Contains("62.5\u00a0% complete", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(AssessmentStatus.Submitted, AssessmentWorkflow.Submit(Facts(AssessmentStatus.Draft), Assessor, 62.5, confirmIncomplete: true));
    }

    [Fact]
    public void Another_assessor_a_reviewer_who_is_not_the_assessor_and_a_viewer_may_not_submit()
    {
        Assert.Equal(RefusalReason.NotPermitted, Refusal(() => AssessmentWorkflow.Submit(Facts(AssessmentStatus.Draft), OtherAssessor, 100, false)));
        Assert.Equal(RefusalReason.NotPermitted, Refusal(() => AssessmentWorkflow.Submit(Facts(AssessmentStatus.Draft), Reviewer, 100, false)));
        Assert.Equal(RefusalReason.NotPermitted, Refusal(() => AssessmentWorkflow.Submit(Facts(AssessmentStatus.Draft, "u-viewer"), Viewer, 100, false)));
    }

    [Theory]
    [InlineData(AssessmentStatus.Submitted)]
    [InlineData(AssessmentStatus.Approved)]
    [InlineData(AssessmentStatus.ApprovedWithConditions)]
    [InlineData(AssessmentStatus.Rejected)]
    public void Only_a_draft_is_submitted_or_edited(AssessmentStatus status)
    {
        var refusal = Assert.Throws<WorkflowRefusedException>(() => AssessmentWorkflow.Submit(Facts(status), Assessor, 100, false));
        Assert.Equal(RefusalReason.WrongStatus, refusal.Reason);
        Assert.Equal(status, refusal.CurrentStatus);
        Assert.Equal(3, refusal.CurrentVersion);
        Assert.Equal(RefusalReason.WrongStatus, Refusal(() => AssessmentWorkflow.EnsureEditable(Facts(status), Assessor)));
    }

    [Theory]
    [InlineData(ReviewDecision.Approved, null, AssessmentStatus.Approved, true)]
    [InlineData(ReviewDecision.ApprovedWithConditions, "Pen test by March.", AssessmentStatus.ApprovedWithConditions, true)]
    [InlineData(ReviewDecision.Rejected, "No exit plan.", AssessmentStatus.Rejected, true)]
    [InlineData(ReviewDecision.Returned, "Answer the security section.", AssessmentStatus.Draft, false)]
    public void A_reviewer_decides_a_submitted_assessment(ReviewDecision decision, string? comment, AssessmentStatus expected, bool reviewed)
    {
        var outcome = AssessmentWorkflow.Review(Facts(AssessmentStatus.Submitted), Reviewer, decision, comment is null ? null : $"  {comment} ");

        Assert.Equal(expected, outcome.Status);
        Assert.Equal(reviewed, outcome.Reviewed);
        Assert.Equal(comment, outcome.Comment);
    }

    [Fact]
    public void An_admin_reviews_too_but_nobody_reviews_their_own_assessment()
    {
        Assert.Equal(AssessmentStatus.Approved, AssessmentWorkflow.Review(Facts(AssessmentStatus.Submitted), Admin, ReviewDecision.Approved, null).Status);

        var own = Assert.Throws<WorkflowRefusedException>(() =>
            AssessmentWorkflow.Review(Facts(AssessmentStatus.Submitted, assessorId: Reviewer.UserId), Reviewer, ReviewDecision.Approved, null));
        Assert.Equal(RefusalReason.NotPermitted, own.Reason);
        Assert.Contains("another reviewer", own.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_admin_who_submitted_someone_else_s_draft_may_not_review_it()
    {
        var submittedByAdmin = Facts(AssessmentStatus.Submitted) with { SubmittedById = Admin.UserId };

        var refused = Assert.Throws<WorkflowRefusedException>(() => AssessmentWorkflow.Review(submittedByAdmin, Admin, ReviewDecision.Approved, null));
        Assert.Equal(RefusalReason.NotPermitted, refused.Reason);
        Assert.Equal("You submitted this assessment; another reviewer must review it.", refused.Message);
        Assert.Equal(AssessmentStatus.Approved, AssessmentWorkflow.Review(submittedByAdmin, Reviewer, ReviewDecision.Approved, null).Status);
    }

    [Fact]
    public void Assessors_and_viewers_may_not_review()
    {
        Assert.Equal(RefusalReason.NotPermitted, Refusal(() => AssessmentWorkflow.Review(Facts(AssessmentStatus.Submitted, "u-x"), OtherAssessor, ReviewDecision.Approved, null)));
        Assert.Equal(RefusalReason.NotPermitted, Refusal(() => AssessmentWorkflow.Review(Facts(AssessmentStatus.Submitted, "u-x"), Viewer, ReviewDecision.Approved, null)));
    }

    [Theory]
    [InlineData(AssessmentStatus.Draft)]
    [InlineData(AssessmentStatus.Approved)]
    [InlineData(AssessmentStatus.ApprovedWithConditions)]
    [InlineData(AssessmentStatus.Rejected)]
    public void Only_a_submitted_assessment_is_reviewed(AssessmentStatus status)
    {
        var refusal = Assert.Throws<WorkflowRefusedException>(() => AssessmentWorkflow.Review(Facts(status), Reviewer, ReviewDecision.Approved, null));
        Assert.Equal(RefusalReason.WrongStatus, refusal.Reason);
        Assert.Equal(status, refusal.CurrentStatus);
    }

    [Theory]
    [InlineData(ReviewDecision.ApprovedWithConditions, "State the conditions of the approval.")]
    [InlineData(ReviewDecision.Rejected, "State the reason for the rejection.")]
    [InlineData(ReviewDecision.Returned, "Say what the assessor should change.")]
    public void Every_decision_but_a_plain_approval_needs_a_comment(ReviewDecision decision, string message)
    {
        var refusal = Assert.Throws<WorkflowRefusedException>(() => AssessmentWorkflow.Review(Facts(AssessmentStatus.Submitted), Reviewer, decision, "   "));
        Assert.Equal(RefusalReason.Incomplete, refusal.Reason);
        Assert.Equal(("comment", message), (refusal.Field, refusal.Message));
    }

    [Theory]
    [InlineData("\u200b\u0000")]
    [InlineData("\u200b \u202e")]
    public void A_comment_of_invisible_characters_only_is_no_comment(string comment) =>
        Assert.Equal("comment", AssessmentWorkflow.DecisionProblem(ReviewDecision.Rejected, comment)?.Field);

    [Fact]
    public void A_decision_outside_the_four_or_an_overlong_comment_is_refused()
    {
        Assert.Equal("decision", AssessmentWorkflow.DecisionProblem((ReviewDecision)42, "x")?.Field);
        Assert.Equal("comment", AssessmentWorkflow.DecisionProblem(ReviewDecision.Rejected, new string('x', AssessmentWorkflow.CommentMaxLength + 1))?.Field);
        Assert.Null(AssessmentWorkflow.DecisionProblem(ReviewDecision.Rejected, new string('x', AssessmentWorkflow.CommentMaxLength)));
    }

    [Theory]
    [InlineData(AssessmentStatus.Approved)]
    [InlineData(AssessmentStatus.ApprovedWithConditions)]
    [InlineData(AssessmentStatus.Rejected)]
    public void A_reviewed_assessment_of_a_vendor_in_use_is_reassessed(AssessmentStatus status)
    {
        AssessmentWorkflow.EnsureReassessable(status, OtherAssessor, "Northwind", vendorArchived: false);

        var archived = Assert.Throws<WorkflowRefusedException>(() => AssessmentWorkflow.EnsureReassessable(status, OtherAssessor, "Northwind", vendorArchived: true));
        Assert.Equal(RefusalReason.WrongStatus, archived.Reason);
        Assert.Contains("Northwind is archived", archived.Message, StringComparison.Ordinal);
        Assert.Equal(RefusalReason.NotPermitted, Refusal(() => AssessmentWorkflow.EnsureReassessable(status, Viewer, "Northwind", false)));
    }

    [Theory]
    [InlineData(AssessmentStatus.Draft)]
    [InlineData(AssessmentStatus.Submitted)]
    public void A_draft_or_submitted_assessment_is_not_reassessed(AssessmentStatus status)
    {
        var refusal = Assert.Throws<WorkflowRefusedException>(() => AssessmentWorkflow.EnsureReassessable(status, Assessor, "Northwind", false));
        Assert.Equal(RefusalReason.WrongStatus, refusal.Reason);
        Assert.Equal(status, refusal.CurrentStatus);
    }

    [Fact]
    public void A_draft_is_edited_by_its_assessor_or_an_admin_only()
    {
        AssessmentWorkflow.EnsureEditable(Facts(AssessmentStatus.Draft), Assessor);
        AssessmentWorkflow.EnsureEditable(Facts(AssessmentStatus.Draft), Admin);
        Assert.Equal(RefusalReason.NotPermitted, Refusal(() => AssessmentWorkflow.EnsureEditable(Facts(AssessmentStatus.Draft), OtherAssessor)));
        Assert.True(AssessmentWorkflow.MayEditDraft(Admin, "anyone"));
        Assert.False(AssessmentWorkflow.MayEditDraft(Reviewer, "u-assessor"));
    }
}
