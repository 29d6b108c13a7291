namespace VendorRisk.Web.Features.Tokens;

// What each read of this feature needs; UseCasePipeline.AuthorizeAsync checks it (and audits a refusal).

[RequiresRole(Roles.Viewer, "list API tokens")]
public sealed record ListOwnApiTokens : IQuery;

[RequiresRole(Roles.Admin, "list other users' API tokens")]
public sealed record ListUsersApiTokens : IQuery;
