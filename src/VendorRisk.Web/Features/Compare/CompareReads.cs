using FluentValidation;
using VendorRisk.Domain.Comparison;

namespace VendorRisk.Web.Features.Compare;

// What each read of this feature needs; UseCasePipeline.AuthorizeAsync checks it (and audits a refusal).

[RequiresRole(Roles.Viewer, "compare assessments")]
public sealed record CompareAssessments : IQuery;

[RequiresRole(Roles.Viewer, "read saved weightings")]
public sealed record ReadSavedWeightings : IQuery;

[RequiresRole(Roles.Viewer, "read workload profiles")]
public sealed record ReadWorkloadProfiles : IQuery;

/// <summary>The assessments of one comparison, in the order given.</summary>
[RequiresRole(Roles.Viewer, "compare assessments")]
public sealed record ComparisonQuery(IReadOnlyList<int> Ids) : IQuery;

public sealed class ComparisonQueryValidator : AbstractValidator<ComparisonQuery>
{
    public ComparisonQueryValidator()
    {
        ClassLevelCascadeMode = CascadeMode.Stop;
        RuleFor(q => q.Ids)
            .Must(ids => ids.Count is >= ComparisonEngine.MinAssessments and <= ComparisonEngine.MaxAssessments)
            .WithMessage(q => $"Choose {ComparisonEngine.MinAssessments} to {ComparisonEngine.MaxAssessments} assessments to compare; {q.Ids.Count} {(q.Ids.Count == 1 ? "was" : "were")} given.")
            .OverridePropertyName(CompareQuery.IdsField);
        RuleFor(q => q.Ids)
            .Must(ids => Repeated(ids) is null)
            .WithMessage(q => $"Assessment {Repeated(q.Ids)} is named more than once.")
            .OverridePropertyName(CompareQuery.IdsField);
    }

    private static int? Repeated(IReadOnlyList<int> ids) => ids.GroupBy(i => i).FirstOrDefault(g => g.Count() > 1)?.Key;
}
