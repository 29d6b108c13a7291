using FluentValidation;

namespace VendorRisk.Web.Features.Reports;

// What each read of this feature needs; UseCasePipeline.AuthorizeAsync checks it (and audits a refusal).

[RequiresRole(Roles.Viewer, "export reports")]
public sealed record ExportReports : IQuery;

/// <summary>A comparison report; the name printed for its weighting is the request's to check.</summary>
[RequiresRole(Roles.Viewer, "export reports")]
public sealed record ComparisonReportQuery(string? WeightingName) : IQuery;

public sealed class ComparisonReportQueryValidator : AbstractValidator<ComparisonReportQuery>
{
    public ComparisonReportQueryValidator() =>
        RuleFor(q => q.WeightingName).Must(n => (n?.Trim().Length ?? 0) <= Compare.CompareService.NameMaxLength)
            .WithMessage($"A weighting name has at most {Compare.CompareService.NameMaxLength} characters.").OverridePropertyName("weighting");
}
