using VendorRisk.Reports.Models;

namespace VendorRisk.Web.Features.Findings;

/// <summary>Adds findings, conditions and accepted knockout risks to the report models.</summary>
public sealed class FindingReportData(FindingQueries queries)
{
    public async Task<AssessmentReportModel> AddToAsync(AssessmentReportModel model, AssessmentSnapshot snapshot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(snapshot);
        var today = queries.Today;
        var all = (await queries.ListAsync(new FindingQuery { AssessmentId = snapshot.Id, Sort = FindingSort.DueDate, PageSize = FindingQueries.MaxPageSize }, cancellationToken)).Items;
        var shown = all.Where(f => f.IsCondition).Concat(all.Where(f => !f.IsCondition && !FindingWorkflow.IsClosed(f.Status)))
            .Select(f => new FindingReportModel(f.Id, f.Title, FindingLabels.Severity(f.Severity), FindingLabels.Status(f.Status), f.OwnerName, f.DueDate, f.IsCondition, f.IsOverdue(today)))
            .ToList();

        var records = snapshot.Score.AcceptedKnockouts.Count == 0 ? [] : await queries.AcceptancesAsync(snapshot.Id, cancellationToken);
        var accepted = snapshot.Score.AcceptedKnockouts.Select(a => new AcceptedKnockoutModel(
            a.QuestionKey,
            snapshot.QuestionSet.FindQuestion(a.QuestionKey)?.Text ?? a.QuestionKey,
            a.AcceptedByName,
            a.Until,
            records.FirstOrDefault(r => r.QuestionKey == a.QuestionKey && r.RevokedAt is null && r.Until == a.Until)?.Justification ?? "")).ToList();
        return model with { Findings = shown, AcceptedKnockouts = accepted };
    }

    public async Task<ComparisonReportModel> AddToAsync(ComparisonReportModel model, IReadOnlyList<int> rankedAssessmentIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(rankedAssessmentIds);
        var today = queries.Today;
        var vendors = new List<ComparedVendorModel>(model.Vendors.Count);
        for (var i = 0; i < model.Vendors.Count; i++)
        {
            var open = (await queries.ListAsync(new FindingQuery { AssessmentId = rankedAssessmentIds[i], OpenOnly = true, PageSize = FindingQueries.MaxPageSize }, cancellationToken)).Items;
            vendors.Add(model.Vendors[i] with
            {
                OpenFindings = new OpenFindingCountsModel(
                    open.Count(f => f.Severity == FindingSeverity.Critical), open.Count(f => f.Severity == FindingSeverity.High),
                    open.Count(f => f.Severity == FindingSeverity.Medium), open.Count(f => f.Severity == FindingSeverity.Low),
                    open.Count(f => f.IsOverdue(today))),
            });
        }
        return model with { Vendors = vendors };
    }
}
