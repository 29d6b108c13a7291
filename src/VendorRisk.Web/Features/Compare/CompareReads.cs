namespace VendorRisk.Web.Features.Compare;

// What each read of this feature needs; UseCasePipeline.AuthorizeAsync checks it (and audits a refusal).

[RequiresRole(Roles.Viewer, "compare assessments")]
public sealed record CompareAssessments : IQuery;

[RequiresRole(Roles.Viewer, "read saved weightings")]
public sealed record ReadSavedWeightings : IQuery;

[RequiresRole(Roles.Viewer, "read workload profiles")]
public sealed record ReadWorkloadProfiles : IQuery;
