namespace VendorRisk.Web.Features.Shared;

/// <summary>
/// What the screens show of a score. A draft with no answer yet is "Not scored yet" rather than 0 and Critical, and
/// a draft names as knockouts only the critical questions already answered: an unanswered one is not yet a finding.
/// Once submitted, the score is shown exactly as scoring.md computes it (unanswered critical questions are knockouts).
/// </summary>
public sealed record ShownScore(bool Scored, double? Overall, string? Rating, IReadOnlyList<string> Knockouts)
{
    public const string NotScoredText = "Not scored yet";

    public static ShownScore Of(AssessmentStatus status, IEnumerable<string> answeredKeys, AssessmentScore score)
    {
        if (status != AssessmentStatus.Draft)
            return new ShownScore(true, score.Overall, score.Rating, score.Knockouts);
        var answered = answeredKeys.ToHashSet(StringComparer.Ordinal);
        if (answered.Count == 0)
            return new ShownScore(false, null, null, []);
        var knockouts = score.Knockouts.Where(answered.Contains).ToList();
        var capping = knockouts.Any(k => score.AcceptedKnockouts.All(a => a.QuestionKey != k));
        return new ShownScore(true, score.Overall, capping ? score.Rating : score.BandRating, knockouts);
    }

    public static ShownScore Of(AssessmentSnapshot assessment) => Of(assessment.Status, assessment.Answers.Keys, assessment.Score);

    public static ShownScore Of(AssessmentSnapshot assessment, AssessmentScore liveScore, IEnumerable<string> answeredKeys) =>
        Of(assessment.Status, answeredKeys, liveScore);
}
