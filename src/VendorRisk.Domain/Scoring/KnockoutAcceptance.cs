namespace VendorRisk.Domain.Scoring;

/// <summary>
/// A recorded acceptance of the risk of one knockout (scoring.md §4): who accepted it, until
/// which day, and whether it has been revoked. It names a question key, not a knockout, so it
/// stays on record when the question stops being a knockout and applies again if it becomes one.
/// </summary>
public sealed record KnockoutAcceptance(
    string QuestionKey,
    string AcceptedById,
    string AcceptedByName,
    DateOnly Until,
    bool Revoked = false)
{
    /// <summary>In force on <paramref name="day"/>: not revoked and the expiry date is that day or later.</summary>
    public bool IsInForce(DateOnly day) => !Revoked && Until >= day;
}

/// <summary>
/// The acceptances of one assessment and the day they are judged on. Acceptances are judged on
/// the day the score is computed, whatever the assessment's as-of date, so a lapsed acceptance
/// caps the rating again without anyone touching the assessment.
/// </summary>
public sealed record KnockoutAcceptances(IReadOnlyList<KnockoutAcceptance> Acceptances, DateOnly Today)
{
    public static readonly KnockoutAcceptances None = new([], DateOnly.MinValue);

    /// <summary>The acceptance in force today for that question, if any (the latest expiry wins).</summary>
    public KnockoutAcceptance? InForce(string questionKey)
    {
        KnockoutAcceptance? found = null;
        foreach (var acceptance in Acceptances)
        {
            if (acceptance.QuestionKey == questionKey && acceptance.IsInForce(Today) && (found is null || acceptance.Until > found.Until))
                found = acceptance;
        }

        return found;
    }
}
