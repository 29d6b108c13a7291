namespace VendorRisk.Web.Features.Reports;

// What each read of this feature needs; UseCasePipeline.AuthorizeAsync checks it (and audits a refusal).

[RequiresRole(Roles.Viewer, "export reports")]
public sealed record ExportReports : IQuery;
