namespace VendorRisk.Domain.QuestionSets;

/// <summary>A question as listed in a diff.</summary>
public sealed record DiffQuestion(string Key, string SectionKey, string Text);

/// <summary>A question present in both versions whose content differs, with short descriptions like "weight 1 → 2".</summary>
public sealed record ChangedQuestion(string Key, string SectionKey, string Text, IReadOnlyList<string> Changes);

/// <summary>
/// The difference between two versions of a question set, by question key; used by the
/// admin editor to show a draft against the version it was copied from.
/// </summary>
public sealed record QuestionSetDiff(
    IReadOnlyList<DiffQuestion> Added,
    IReadOnlyList<DiffQuestion> Removed,
    IReadOnlyList<ChangedQuestion> Changed,
    IReadOnlyList<string> SetChanges)
{
    public bool HasChanges => Added.Count + Removed.Count + Changed.Count + SetChanges.Count > 0;

    public static QuestionSetDiff Compare(QuestionSetDefinition from, QuestionSetDefinition to)
    {
        var before = Locate(from);
        var after = Locate(to);

        var added = after.Where(a => !before.ContainsKey(a.Key))
            .Select(a => new DiffQuestion(a.Key, a.Value.Section.Key, a.Value.Question.Text)).ToList();
        var removed = before.Where(b => !after.ContainsKey(b.Key))
            .Select(b => new DiffQuestion(b.Key, b.Value.Section.Key, b.Value.Question.Text)).ToList();
        var changed = new List<ChangedQuestion>();
        foreach (var (key, now) in after)
        {
            if (!before.TryGetValue(key, out var then))
                continue;
            var changes = DescribeQuestion(then, now);
            if (changes.Count > 0)
                changed.Add(new ChangedQuestion(key, now.Section.Key, now.Question.Text, changes));
        }
        return new QuestionSetDiff(added, removed, changed, DescribeSet(from, to));
    }

    private static Dictionary<string, (Section Section, Question Question)> Locate(QuestionSetDefinition definition)
    {
        // Keys are unique in a valid set; TryAdd keeps a draft with a duplicate from throwing.
        var located = new Dictionary<string, (Section, Question)>(StringComparer.Ordinal);
        foreach (var section in definition.Sections)
            foreach (var question in section.Questions)
                located.TryAdd(question.Key, (section, question));
        return located;
    }

    private static List<string> DescribeSet(QuestionSetDefinition from, QuestionSetDefinition to)
    {
        var changes = new List<string>();
        if (from.Key != to.Key)
            changes.Add($"key {from.Key} → {to.Key}");
        if (from.Title != to.Title)
            changes.Add("title changed");
        if (from.Description != to.Description)
            changes.Add("description changed");
        if (!from.RatingBands.OrderByDescending(b => b.MinScore).SequenceEqual(to.RatingBands.OrderByDescending(b => b.MinScore)))
            changes.Add("rating bands changed");
        if (from.KnockoutRating != to.KnockoutRating)
            changes.Add($"knockout rating {from.KnockoutRating} → {to.KnockoutRating}");

        var fromSections = from.Sections.ToDictionary(s => s.Key, StringComparer.Ordinal);
        var toSections = to.Sections.ToDictionary(s => s.Key, StringComparer.Ordinal);
        foreach (var section in to.Sections.Where(s => !fromSections.ContainsKey(s.Key)))
            changes.Add($"section {section.Key} added");
        foreach (var section in from.Sections.Where(s => !toSections.ContainsKey(s.Key)))
            changes.Add($"section {section.Key} removed");
        var commonFrom = from.Sections.Where(s => toSections.ContainsKey(s.Key)).Select(s => s.Key);
        var commonTo = to.Sections.Where(s => fromSections.ContainsKey(s.Key)).Select(s => s.Key);
        if (!commonFrom.SequenceEqual(commonTo))
            changes.Add("sections reordered");

        foreach (var now in to.Sections)
        {
            if (!fromSections.TryGetValue(now.Key, out var then))
                continue;
            if (then.Title != now.Title)
                changes.Add($"section {now.Key}: title changed");
            if (then.Description != now.Description)
                changes.Add($"section {now.Key}: description changed");
            if (!then.Weight.Equals(now.Weight))
                changes.Add($"section {now.Key}: weight {Show(then.Weight)} → {Show(now.Weight)}");

            // Order among the questions both versions have in this section; additions alone are not a reorder.
            var shared = new HashSet<string>(now.Questions.Select(q => q.Key), StringComparer.Ordinal);
            shared.IntersectWith(then.Questions.Select(q => q.Key));
            if (!then.Questions.Select(q => q.Key).Where(shared.Contains)
                    .SequenceEqual(now.Questions.Select(q => q.Key).Where(shared.Contains)))
                changes.Add($"section {now.Key}: questions reordered");
        }
        return changes;
    }

    private static List<string> DescribeQuestion((Section Section, Question Question) then, (Section Section, Question Question) now)
    {
        var (a, b) = (then.Question, now.Question);
        var changes = new List<string>();
        if (then.Section.Key != now.Section.Key)
            changes.Add($"moved to section {now.Section.Key}");
        if (a.Text != b.Text)
            changes.Add("text changed");
        if (a.Guidance != b.Guidance)
            changes.Add("guidance changed");
        if (a.Type != b.Type)
        {
            changes.Add($"type {Name(a.Type)} → {Name(b.Type)}");
            return changes;
        }

        var scored = a.Type != QuestionType.Text;
        if (scored && !a.Weight.Equals(b.Weight))
            changes.Add($"weight {Show(a.Weight)} → {Show(b.Weight)}");
        if (scored && a.Critical != b.Critical)
            changes.Add(b.Critical ? "now critical" : "no longer critical");
        if (scored && a.Critical && b.Critical && !a.KnockoutBelow.Equals(b.KnockoutBelow))
            changes.Add($"knockoutBelow {Show(a.KnockoutBelow)} → {Show(b.KnockoutBelow)}");
        if (a.AllowNotApplicable != b.AllowNotApplicable)
            changes.Add(b.AllowNotApplicable ? "N/A now allowed" : "N/A no longer allowed");
        if (!a.References.SequenceEqual(b.References))
            changes.Add("references changed");

        switch (a.Type)
        {
            case QuestionType.Choice or QuestionType.Multi:
                if (!a.Options.SequenceEqual(b.Options))
                    changes.Add("options changed");
                if (a.Type == QuestionType.Multi
                    && QuestionSetDefinitionComparer.EffectiveMaxScore(a) is var x
                    && QuestionSetDefinitionComparer.EffectiveMaxScore(b) is var y && !x.Equals(y))
                    changes.Add($"maxScore {Show(x)} → {Show(y)}");
                break;
            case QuestionType.Number:
                if (a.Role != b.Role)
                    changes.Add($"role {a.Role ?? "none"} → {b.Role ?? "none"}");
                if (a.Unit != b.Unit)
                    changes.Add("unit changed");
                if (!a.Bands.SequenceEqual(b.Bands))
                    changes.Add("bands changed");
                break;
        }
        return changes;
    }

    private static string Name(QuestionType type) => type.ToString().ToLowerInvariant();

    private static string Show(double value) => value.ToString("0.##########", CultureInfo.InvariantCulture);
}
