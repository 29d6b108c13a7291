namespace VendorRisk.Web.Features.Shared;

/// <summary>
/// What the screens show of a score. A draft with no answer yet is "Not scored yet" rather than 0 and Critical, and
/// a draft names as knockouts only the critical questions already answered: an unanswered one is not yet a finding.
/// Once submitted, the score is shown exactly as scoring.md computes it (unanswered critical questions are knockouts).
/// A draft not yet complete is <see cref="Provisional"/>: its unanswered questions count as 0 until answered, so a
/// quarter-answered draft reads "Critical risk" for want of answers, and the screens say so beside it.
/// </summary>
public sealed record ShownScore(bool Scored, double? Overall, string? Rating, IReadOnlyList<string> Knockouts)
{
    public const string NotScoredText = "Not scored yet";
    public const string ProvisionalText = "So far: unanswered questions count as 0.";

    /// <summary>A draft's score with questions still unanswered: it rises as they are answered.</summary>
    public bool Provisional { get; init; }

    /// <param name="answeredKeys">The questions answered with a value or N/A (<see cref="Answers"/>).</param>
    public static ShownScore Of(AssessmentStatus status, IEnumerable<string> answeredKeys, AssessmentScore score)
    {
        if (status != AssessmentStatus.Draft)
            return new ShownScore(true, score.Overall, score.Rating, score.Knockouts);
        var answered = answeredKeys.ToHashSet(StringComparer.Ordinal);
        if (answered.Count == 0)
            return new ShownScore(false, null, null, []);
        var knockouts = score.Knockouts.Where(answered.Contains).ToList();
        var capping = knockouts.Any(k => score.AcceptedKnockouts.All(a => a.QuestionKey != k));
        return new ShownScore(true, score.Overall, capping ? score.Rating : score.BandRating, knockouts)
        {
            Provisional = IsProvisional(status, score.Completeness),
        };
    }

    /// <summary>The same rule where only the status and completeness are at hand (the dashboard's heat map).</summary>
    public static bool IsProvisional(AssessmentStatus status, double completeness) => status == AssessmentStatus.Draft && completeness < 100;

    public static ShownScore Of(AssessmentSnapshot assessment) => Of(assessment.Status, assessment.Answers, assessment.Score);

    public static ShownScore Of(AssessmentStatus status, IEnumerable<KeyValuePair<string, StoredAnswer>> answers, AssessmentScore score) =>
        Of(status, answers.Where(a => Answers(a.Value.Value)).Select(a => a.Key), score);

    public static ShownScore Of(AssessmentStatus status, IEnumerable<KeyValuePair<string, AnswerValue>> answers, AssessmentScore score) =>
        Of(status, answers.Where(a => Answers(a.Value)).Select(a => a.Key), score);

    /// <summary>
    /// Whether a stored answer answers its question (a value, or N/A) as scoring counts it: a note or evidence alone does
    /// not, so a draft holding only notes is not scored yet and a critical question with only a note is not a knockout yet.
    /// </summary>
    public static bool Answers(AnswerValue value) => value.HasValue || value.NotApplicable;
}
