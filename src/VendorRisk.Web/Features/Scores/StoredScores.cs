namespace VendorRisk.Web.Features.Scores;

/// <summary>The score columns of one assessment, as <see cref="StoredScores"/> computes them.</summary>
public sealed record StoredScoreValues(double? Overall, string? Rating, string? BandRating, string? CappedRating, DateOnly? RatingUntil,
    List<string> Knockouts, double Completeness, List<double?> Sections);

/// <summary>
/// Computes and writes the stored score of assessments (ADR 0026): the same <see cref="ScoringEngine"/> the pages use, from
/// the saved answers and the acceptances in force today, so a stored score always equals a fresh scoring.
/// </summary>
public sealed class StoredScores(QuestionSetDefinitions definitions, TimeProvider clock)
{
    /// <summary>Raise it when scoring.md changes how a score is computed: start-up then re-stores every assessment.</summary>
    public const int Revision = 1;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>The rating that applies on <paramref name="today"/> (scoring.md §4: acceptances are judged today).</summary>
    public static string? RatingOn(Assessment assessment, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        return assessment.ScoreRatingUntil is { } until && until < today ? assessment.ScoreCappedRating : assessment.ScoreRating;
    }

    public static StoredScoreValues Compute(QuestionSetDefinition set, IReadOnlyDictionary<string, AnswerValue> answers, KnockoutAcceptances acceptances, DateOnly today)
    {
        var score = ScoringEngine.Score(set, answers, today, acceptances: acceptances);
        var capped = score.AcceptedKnockouts.Count == 0 ? score.Rating : ScoringEngine.Score(set, answers, today).Rating;
        DateOnly? until = capped != score.Rating ? score.AcceptedKnockouts.Min(a => a.Until) : null;
        return new StoredScoreValues(score.Overall, score.Rating, score.BandRating, capped, until, [.. score.Knockouts], score.Completeness,
            [.. score.Sections.Select(s => s.Score)]);
    }

    /// <summary>Re-scores the given assessments from what the database holds now, and writes their score columns.</summary>
    public async Task RefreshAsync(VendorRiskDbContext db, IReadOnlyCollection<int> assessmentIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(assessmentIds);
        if (assessmentIds.Count == 0)
            return;
        var ids = assessmentIds.Distinct().ToList();
        var heads = await db.Assessments.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.QuestionSetVersionId }).ToListAsync(cancellationToken);
        var versionIds = heads.Select(h => h.QuestionSetVersionId).Distinct().ToList();
        var versions = await db.QuestionSetVersions.AsNoTracking().Where(v => versionIds.Contains(v.Id))
            .Select(v => new { v.Id, v.UpdatedAt, v.ContentJson }).ToDictionaryAsync(v => v.Id, cancellationToken);
        var answers = (await db.Answers.AsNoTracking().Where(a => ids.Contains(a.AssessmentId)).ToListAsync(cancellationToken))
            .ToLookup(a => a.AssessmentId);
        var today = Today;
        var acceptances = (await db.RiskAcceptances.AsNoTracking().Where(r => ids.Contains(r.AssessmentId)).ToListAsync(cancellationToken))
            .ToLookup(r => r.AssessmentId);

        foreach (var head in heads)
        {
            var version = versions[head.QuestionSetVersionId];
            var set = definitions.Get(version.Id, version.UpdatedAt.Ticks, version.ContentJson);
            var values = Compute(set, answers[head.Id].ToDictionary(a => a.QuestionKey, a => a.ToValue()),
                new KnockoutAcceptances([.. acceptances[head.Id].Select(r => new KnockoutAcceptance(r.QuestionKey, r.AcceptedById, "", r.Until, r.RevokedAt is not null))], today),
                today);
            await db.Assessments.Where(a => a.Id == head.Id).ExecuteUpdateAsync(s => s
                .SetProperty(a => a.ScoreRevision, Revision)
                .SetProperty(a => a.ScoreOverall, values.Overall)
                .SetProperty(a => a.ScoreRating, values.Rating)
                .SetProperty(a => a.ScoreBandRating, values.BandRating)
                .SetProperty(a => a.ScoreCappedRating, values.CappedRating)
                .SetProperty(a => a.ScoreRatingUntil, values.RatingUntil)
                .SetProperty(a => a.ScoreKnockouts, values.Knockouts)
                .SetProperty(a => a.ScoreCompleteness, values.Completeness)
                .SetProperty(a => a.ScoreSections, values.Sections), cancellationToken);
        }
    }
}
