namespace VendorRisk.Web.Features.QuestionSets;

// What each read of this feature needs; UseCasePipeline.AuthorizeAsync checks it (and audits a refusal).

[RequiresRole(Roles.Viewer, "export question sets")]
public sealed record ExportQuestionSets : IQuery;

[RequiresRole(Roles.Viewer, "view question sets")]
public sealed record ViewQuestionSets : IQuery;
