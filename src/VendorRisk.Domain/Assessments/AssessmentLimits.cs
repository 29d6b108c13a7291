namespace VendorRisk.Domain.Assessments;

/// <summary>The limits of an assessment's own fields, shared by the validators, the UI and the EF configuration.</summary>
public static class AssessmentLimits
{
    public const int TitleMaxLength = 200;
    public const int ScopeMaxLength = 2_000;
    public const int CommentMaxLength = AssessmentWorkflow.CommentMaxLength;
}
