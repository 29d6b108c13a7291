namespace VendorRisk.Web.Features.Dashboard;

// What each read of this feature needs; UseCasePipeline.AuthorizeAsync checks it (and audits a refusal).

[RequiresRole(Roles.Viewer, "read the dashboard")]
public sealed record ReadDashboard : IQuery;
