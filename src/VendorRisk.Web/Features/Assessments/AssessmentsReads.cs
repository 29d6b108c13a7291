namespace VendorRisk.Web.Features.Assessments;

// What each read of this feature needs; UseCasePipeline.AuthorizeAsync checks it (and audits a refusal).

[RequiresRole(Roles.Viewer, "list assessors")]
public sealed record ListAssessors : IQuery;

[RequiresRole(Roles.Viewer, "read question sets")]
public sealed record ReadPublishedQuestionSets : IQuery;
