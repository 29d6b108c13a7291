namespace VendorRisk.Web.Features.Scores;

/// <summary>An acceptance in force, with the id of who gave it, to be named with the page's other users.</summary>
public sealed record InForceAcceptance(int AssessmentId, string QuestionKey, string AcceptedById, DateOnly Until)
{
    public KnockoutAcceptance Named(IReadOnlyDictionary<string, string> names) =>
        new(QuestionKey, AcceptedById, names.GetValueOrDefault(AcceptedById, "unknown user"), Until);
}

/// <summary>Reads of the knockout acceptances of scoring.md §4, shared by the uses that score an assessment and the lists that show one.</summary>
public static class KnockoutAcceptanceReads
{
    /// <summary>Every acceptance on record for one assessment (revoked and lapsed too), judged on <paramref name="today"/>.</summary>
    public static async Task<KnockoutAcceptances> OfAssessmentAsync(VendorRiskDbContext db, int assessmentId, DateOnly today, CancellationToken cancellationToken)
    {
        var rows = await db.RiskAcceptances.AsNoTracking().Where(r => r.AssessmentId == assessmentId).OrderBy(r => r.Id).ToListAsync(cancellationToken);
        return new KnockoutAcceptances(
            rows.Select(r => new KnockoutAcceptance(r.QuestionKey, r.AcceptedById, r.AcceptedById, r.Until, r.RevokedAt is not null)).ToList(), today);
    }

    /// <summary>The acceptances in force on <paramref name="today"/> (not revoked, not lapsed) of a page of assessments.</summary>
    public static async Task<ILookup<int, InForceAcceptance>> InForceAsync(VendorRiskDbContext db, IReadOnlyCollection<int> assessmentIds, DateOnly today,
        CancellationToken cancellationToken) =>
        assessmentIds.Count == 0 ? Array.Empty<InForceAcceptance>().ToLookup(r => r.AssessmentId)
        : (await db.RiskAcceptances.AsNoTracking().Where(r => assessmentIds.Contains(r.AssessmentId) && r.RevokedAt == null && r.Until >= today)
            .Select(r => new InForceAcceptance(r.AssessmentId, r.QuestionKey, r.AcceptedById, r.Until)).ToListAsync(cancellationToken))
            .ToLookup(r => r.AssessmentId);
}
