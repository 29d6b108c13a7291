namespace VendorRisk.Web.Features.Vendors;

// What each read of this feature needs; UseCasePipeline.AuthorizeAsync checks it (and audits a refusal).

[RequiresRole(Roles.Viewer, "list users")]
public sealed record ListUserOptions : IQuery;

[RequiresRole(Roles.Viewer, "read vendors")]
public sealed record ReadVendors : IQuery;

/// <summary>A page of the vendor list.</summary>
[RequiresRole(Roles.Viewer, "read vendors")]
public sealed record VendorPageQuery(int Skip, int Take) : IPageQuery;

/// <summary>No upper bound: the vendor list reads every vendor for exports and pickers.</summary>
public sealed class VendorPageQueryValidator() : PageQueryValidator<VendorPageQuery>(
    int.MaxValue, "page", "A page starts at 0 or later and holds at least one vendor.");
