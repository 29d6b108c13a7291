namespace VendorRisk.Domain.QuestionSets;

/// <summary>
/// Compares question-set definitions by content: every field of the format by its effective
/// value (a text question's weight, a non-critical question's knockoutBelow and fields a type
/// may not have are ignored). Records compare their list members by reference, hence this.
/// </summary>
public sealed class QuestionSetDefinitionComparer : IEqualityComparer<QuestionSetDefinition>
{
    public static readonly QuestionSetDefinitionComparer Instance = new();

    public bool Equals(QuestionSetDefinition? x, QuestionSetDefinition? y)
    {
        if (ReferenceEquals(x, y))
            return true;
        if (x is null || y is null)
            return false;
        return x.Key == y.Key
            && x.Title == y.Title
            && x.Description == y.Description
            && x.KnockoutRating == y.KnockoutRating
            && x.RatingBands.OrderByDescending(b => b.MinScore).SequenceEqual(y.RatingBands.OrderByDescending(b => b.MinScore))
            && x.Sections.Count == y.Sections.Count
            && x.Sections.Zip(y.Sections).All(p => SectionEquals(p.First, p.Second));
    }

    public int GetHashCode(QuestionSetDefinition obj) => HashCode.Combine(obj.Key, obj.Title, obj.Sections.Count);

    public static bool SectionEquals(Section x, Section y) =>
        x.Key == y.Key
        && x.Title == y.Title
        && x.Description == y.Description
        && x.Weight.Equals(y.Weight)
        && x.Questions.Count == y.Questions.Count
        && x.Questions.Zip(y.Questions).All(p => QuestionEquals(p.First, p.Second));

    public static bool QuestionEquals(Question x, Question y) =>
        x.Key == y.Key && x.Text == y.Text && x.Guidance == y.Guidance && x.Type == y.Type && ScoringEquals(x, y);

    /// <summary>Everything but key, text and guidance, each by effective value.</summary>
    internal static bool ScoringEquals(Question x, Question y)
    {
        if (x.Type != y.Type || x.Level != y.Level || x.AllowNotApplicable != y.AllowNotApplicable || !x.References.SequenceEqual(y.References))
            return false;
        if (x.Type == QuestionType.Text)
            return true;
        return x.Weight.Equals(y.Weight)
            && x.Critical == y.Critical
            && (!x.Critical || x.KnockoutBelow.Equals(y.KnockoutBelow))
            && x.Type switch
            {
                QuestionType.Choice => x.Options.SequenceEqual(y.Options),
                QuestionType.Multi => x.Options.SequenceEqual(y.Options) && EffectiveMaxScore(x).Equals(EffectiveMaxScore(y)),
                QuestionType.Number => x.Role == y.Role && x.Unit == y.Unit && x.Bands.SequenceEqual(y.Bands),
                _ => true,
            };
    }

    internal static double EffectiveMaxScore(Question multi) => multi.MaxScore ?? multi.Options.Sum(o => o.Score);
}

public static class QuestionSetDefinitionExtensions
{
    /// <summary>True when both definitions have the same content; see <see cref="QuestionSetDefinitionComparer"/>.</summary>
    public static bool ContentEquals(this QuestionSetDefinition definition, QuestionSetDefinition? other) =>
        QuestionSetDefinitionComparer.Instance.Equals(definition, other);
}
