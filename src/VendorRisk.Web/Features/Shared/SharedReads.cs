namespace VendorRisk.Web.Features.Shared;

// What each read of this feature needs; UseCasePipeline.AuthorizeAsync checks it (and audits a refusal).

[RequiresRole(Roles.Viewer, "read assessments")]
public sealed record ReadAssessments : IQuery;

[RequiresRole(Roles.Viewer, "read history")]
public sealed record ReadHistory : IQuery;
