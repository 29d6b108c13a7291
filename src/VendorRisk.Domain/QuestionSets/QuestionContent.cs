namespace VendorRisk.Domain.QuestionSets;

/// <summary>
/// Content equality of questions by effective value. Record equality is not enough: the list
/// members compare by reference.
/// </summary>
public static class QuestionContent
{
    public static bool AreEqual(Question a, Question b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return a.Key == b.Key
            && a.Text == b.Text
            && a.Guidance == b.Guidance
            && a.Type == b.Type
            && a.Weight.Equals(b.Weight)
            && a.Critical == b.Critical
            // KnockoutBelow means nothing on a non-critical question.
            && (!a.Critical || a.KnockoutBelow.Equals(b.KnockoutBelow))
            && a.AllowNotApplicable == b.AllowNotApplicable
            && a.References.SequenceEqual(b.References)
            && a.Role == b.Role
            && a.Unit == b.Unit
            && a.Options.SequenceEqual(b.Options)
            && Nullable.Equals(a.MaxScore, b.MaxScore)
            && a.Bands.SequenceEqual(b.Bands);
    }
}
