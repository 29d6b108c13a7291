namespace VendorRisk.Web.Features.Vendors;

// What each read of this feature needs; UseCasePipeline.AuthorizeAsync checks it (and audits a refusal).

[RequiresRole(Roles.Viewer, "list users")]
public sealed record ListUserOptions : IQuery;

[RequiresRole(Roles.Viewer, "read vendors")]
public sealed record ReadVendors : IQuery;
