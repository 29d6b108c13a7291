namespace VendorRisk.Domain.Scoring;

/// <summary>Why an acceptance of a knockout's risk is refused (scoring.md §4, api.md).</summary>
public enum AcceptanceRefusal
{
    None,
    /// <summary>The assessment is a draft (409).</summary>
    Draft,
    /// <summary>The caller is the assessment's assessor or its submitter (403).</summary>
    SelfAcceptance,
    /// <summary>The question is not a knockout now (400).</summary>
    NotAKnockout,
}

/// <summary>The rules of scoring.md §4 for who may accept a knockout's risk, on what, and until when.</summary>
public static class KnockoutAcceptancePolicy
{
    public const int JustificationMaxLength = 2_000;
    public const int MaxDaysAhead = 365;

    /// <summary>The latest expiry an acceptance made on <paramref name="today"/> may have.</summary>
    public static DateOnly LatestExpiry(DateOnly today) => today.AddDays(MaxDaysAhead);

    /// <summary>An expiry date is valid from today (in force through today) to 365 days after today.</summary>
    public static string? CheckExpiry(DateOnly until, DateOnly today) =>
        until < today ? $"The date {until:yyyy-MM-dd} is in the past; an acceptance runs until today or later."
        : until > LatestExpiry(today) ? $"An acceptance runs at most {MaxDaysAhead} days, until {LatestExpiry(today):yyyy-MM-dd} at the latest."
        : null;

    public static string? CheckJustification(string? justification) =>
        !TextRules.HasVisibleText(justification) ? "Say why the risk is accepted."
        : justification!.Trim().Length > JustificationMaxLength ? $"Use at most {JustificationMaxLength:N0} characters."
        : null;

    /// <summary>
    /// Whether <paramref name="callerId"/> may accept the knockout <paramref name="questionKey"/> of
    /// <paramref name="assessment"/>, scored as <paramref name="score"/>. The caller's role (Reviewer or Admin) is checked
    /// by the service before this.
    /// </summary>
    public static AcceptanceRefusal Check(AssessmentFacts assessment, string callerId, AssessmentScore score, string questionKey)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(score);
        if (assessment.Status == AssessmentStatus.Draft)
            return AcceptanceRefusal.Draft;
        if (assessment.AnsweredFor(callerId))
            return AcceptanceRefusal.SelfAcceptance;
        return score.Knockouts.Contains(questionKey) ? AcceptanceRefusal.None : AcceptanceRefusal.NotAKnockout;
    }
}
