namespace VendorRisk.Web.Features.ModelOfferings;

// What each read of this feature needs; UseCasePipeline.AuthorizeAsync checks it (and audits a refusal).

[RequiresRole(Roles.Viewer, "read model offerings")]
public sealed record ReadModelOfferings : IQuery;
