namespace VendorRisk.Domain.Scoring;

/// <summary>The result of scoring one assessment (scoring.md §1–5). Scores are unrounded.</summary>
public sealed record AssessmentScore(
    double? Overall,
    string? Rating,
    string? BandRating,
    IReadOnlyList<string> Knockouts,
    double Completeness,
    double? EvidenceStrength,
    IReadOnlyList<SectionScore> Sections,
    IReadOnlyList<QuestionScore> Questions)
{
    /// <summary>
    /// Knockouts whose risk is accepted by an acceptance in force today (scoring.md §4). They stay in
    /// <see cref="Knockouts"/>; when every knockout is here, the rating is the band rating.
    /// </summary>
    public IReadOnlyList<KnockoutAcceptance> AcceptedKnockouts { get; init; } = [];

    /// <summary>Knockouts with no acceptance in force: these cap the rating.</summary>
    public IEnumerable<string> UnacceptedKnockouts => Knockouts.Where(k => AcceptedKnockouts.All(a => a.QuestionKey != k));
}

/// <param name="Weight">Effective weight: the version's section weight × the what-if multiplier.</param>
/// <param name="Score">Null when the section's denominator is 0 (shown "—").</param>
/// <param name="Answered">Scored questions answered or marked N/A.</param>
/// <param name="Total">Scored (non-text) questions.</param>
public sealed record SectionScore(
    string Key,
    string Title,
    double Weight,
    double? Score,
    int Answered,
    int Total);

/// <param name="P">Null for an unanswered, N/A or text question; unanswered still counts as 0.</param>
/// <param name="Contribution">Points this question adds to its section score; the section's contributions sum to its score.</param>
public sealed record QuestionScore(
    string Key,
    string SectionKey,
    double Weight,
    double? P,
    bool Answered,
    bool NotApplicable,
    double Contribution,
    bool Knockout);
