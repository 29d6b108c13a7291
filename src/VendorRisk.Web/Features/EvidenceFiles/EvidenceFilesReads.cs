namespace VendorRisk.Web.Features.EvidenceFiles;

// What each read of this feature needs; UseCasePipeline.AuthorizeAsync checks it (and audits a refusal).

[RequiresRole(Roles.Viewer, "download evidence files")]
public sealed record DownloadEvidenceFiles : IQuery;

[RequiresRole(Roles.Viewer, "read evidence files")]
public sealed record ReadEvidenceFiles : IQuery;
