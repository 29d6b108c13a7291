using FluentValidation;

namespace VendorRisk.Web.Features.Findings;

// What each read of this feature needs; UseCasePipeline.AuthorizeAsync checks it (and audits a refusal).

[RequiresRole(Roles.Viewer, "export findings")]
public sealed record ExportFindings : IQuery;

[RequiresRole(Roles.Viewer, "read findings")]
public sealed record ReadFindings : IQuery;

[RequiresRole(Roles.Viewer, "read risk acceptances")]
public sealed record ReadRiskAcceptances : IQuery;

/// <summary>A page of the findings list (pages count from 1).</summary>
[RequiresRole(Roles.Viewer, "read findings")]
public sealed record FindingPageQuery(int Page, int PageSize) : IQuery;

public sealed class FindingPageQueryValidator : AbstractValidator<FindingPageQuery>
{
    public FindingPageQueryValidator()
    {
        ClassLevelCascadeMode = CascadeMode.Stop;
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1).WithMessage("Pages start at 1.");
        RuleFor(q => q.PageSize).InclusiveBetween(1, FindingQueries.MaxPageSize).WithMessage($"A page holds 1 to {FindingQueries.MaxPageSize} findings.");
    }
}
