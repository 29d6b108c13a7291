namespace VendorRisk.Web.Features.Audit;

// What each read of this feature needs; UseCasePipeline.AuthorizeAsync checks it (and audits a refusal).

[RequiresRole(Roles.Admin, "export the audit log")]
public sealed record ExportAuditLog : IQuery;

[RequiresRole(Roles.Admin, "read the audit log")]
public sealed record ReadAuditLog : IQuery;
