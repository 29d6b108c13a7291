namespace VendorRisk.Web.Features.Assessments;

// What each read of this feature needs; UseCasePipeline.AuthorizeAsync checks it (and audits a refusal).

[RequiresRole(Roles.Viewer, "list assessors")]
public sealed record ListAssessors : IQuery;

[RequiresRole(Roles.Viewer, "read question sets")]
public sealed record ReadPublishedQuestionSets : IQuery;

/// <summary>A page of the assessment list.</summary>
[RequiresRole(Roles.Viewer, "read assessments")]
public sealed record AssessmentPageQuery(int Skip, int Take) : IPageQuery;

public sealed class AssessmentPageQueryValidator() : PageQueryValidator<AssessmentPageQuery>(
    AssessmentList.MaxPageSize, "pageSize", $"A page holds 1 to {AssessmentList.MaxPageSize} assessments.");
