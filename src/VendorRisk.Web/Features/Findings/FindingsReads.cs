namespace VendorRisk.Web.Features.Findings;

// What each read of this feature needs; UseCasePipeline.AuthorizeAsync checks it (and audits a refusal).

[RequiresRole(Roles.Viewer, "export findings")]
public sealed record ExportFindings : IQuery;

[RequiresRole(Roles.Viewer, "read findings")]
public sealed record ReadFindings : IQuery;

[RequiresRole(Roles.Viewer, "read risk acceptances")]
public sealed record ReadRiskAcceptances : IQuery;
