namespace VendorRisk.Web.Features.Users;

// What each read of this feature needs; UseCasePipeline.AuthorizeAsync checks it (and audits a refusal).

[RequiresRole(Roles.Admin, "list users")]
public sealed record ListUsers : IQuery;
