namespace VendorRisk.Web.Features.Mail;

// What each read of this feature needs; UseCasePipeline.AuthorizeAsync checks it (and audits a refusal).

[RequiresRole(Roles.Admin, "read the mail outbox")]
public sealed record ReadMailOutbox : IQuery;

[RequiresRole(Roles.Viewer, "read mail preferences")]
public sealed record ReadMailPreferences : IQuery;
