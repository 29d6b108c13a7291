namespace VendorRisk.Web.Features.QuestionSets;

/// <summary>Which item the question-set editor's panel edits: the set (no section), a section, or a question.</summary>
public readonly record struct EditorSelection(int? Section, int? Question)
{
    public static EditorSelection Set => default;
}

/// <summary>The list moves, new keys and labels the question-set editor's outline and panels share.</summary>
internal static class QuestionSetEditing
{
    /// <summary>
    /// Whether <paramref name="index"/> is a position in <paramref name="list"/>: a click on a row removed a moment ago
    /// (a second, stale delete) names one that is gone, and is ignored.
    /// </summary>
    public static bool IsIndexOf<T>(IReadOnlyCollection<T>? list, int index) => list is not null && (uint)index < (uint)list.Count;

    public static bool Move<T>(List<T> list, int index, int delta)
    {
        var target = index + delta;
        if (!IsIndexOf(list, index) || !IsIndexOf(list, target))
            return false;
        (list[index], list[target]) = (list[target], list[index]);
        return true;
    }

    /// <summary>Takes question <paramref name="q"/> of section <paramref name="s"/> to <paramref name="index"/> of section <paramref name="target"/>; returns where it now is.</summary>
    public static EditorSelection MoveQuestion(List<SectionDocument> sections, int s, int q, int target, int index)
    {
        var source = sections[s].Questions!;
        var question = source[q];
        source.RemoveAt(q);
        var questions = sections[target].Questions ??= [];
        index = Math.Clamp(index, 0, questions.Count);
        questions.Insert(index, question);
        return new EditorSelection(target, index);
    }

    public static QuestionDocument NewQuestion(string key) => new()
    {
        Key = key,
        Text = "",
        Type = QuestionTypeNames.Choice,
        Weight = QuestionSetLimits.DefaultWeight,
        Critical = false,
        AllowNotApplicable = false,
        Options =
        [
            new() { Key = "no", Label = "No", Score = 0 },
            new() { Key = "yes", Label = "Yes", Score = 1 },
        ],
    };

    public static string UniqueQuestionKey(IEnumerable<SectionDocument> sections) =>
        UniqueKey("question", sections.SelectMany(s => s.Questions ?? []).Select(q => q.Key));

    public static string UniqueKey(string stem, IEnumerable<string?> existing)
    {
        var used = existing.Where(k => k is not null).ToHashSet(StringComparer.Ordinal);
        for (var n = used.Count + 1; ; n++)
        {
            var key = $"{stem}-{n.ToString(CultureInfo.InvariantCulture)}";
            if (!used.Contains(key))
                return key;
        }
    }

    public static int? IndexAfter(string path, string marker)
    {
        var start = path.IndexOf(marker, StringComparison.Ordinal);
        if (start < 0)
            return null;
        start += marker.Length;
        var end = path.IndexOf(']', start);
        return end > start && int.TryParse(path[start..end], NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : null;
    }

    public static string QuestionLabel(QuestionDocument question) =>
        string.IsNullOrWhiteSpace(question.Text) ? "(no text yet)" : question.Text;

    public static string TypeLabel(string? type) => type switch
    {
        QuestionTypeNames.Choice => "Single choice",
        QuestionTypeNames.Multi => "Multiple choice",
        QuestionTypeNames.Number => "Number",
        QuestionTypeNames.Text => "Free text",
        _ => "?",
    };

    public static string TypeIcon(string? type) => type switch
    {
        QuestionTypeNames.Choice => MudBlazor.Icons.Material.Outlined.RadioButtonChecked,
        QuestionTypeNames.Multi => MudBlazor.Icons.Material.Outlined.CheckBox,
        QuestionTypeNames.Number => MudBlazor.Icons.Material.Outlined.Pin,
        _ => MudBlazor.Icons.Material.Outlined.Notes,
    };

    public static string RoleLabel(string role) => role switch
    {
        CostRoles.PriceInputPerMTok => "Price per 1M input tokens (USD)",
        CostRoles.PriceOutputPerMTok => "Price per 1M output tokens (USD)",
        CostRoles.PriceCachedInputPerMTok => "Price per 1M cached input tokens (USD)",
        CostRoles.BatchDiscountPercent => "Batch discount (%)",
        CostRoles.CommittedUseDiscountPercent => "Committed-use discount (%)",
        CostRoles.ResidencySurchargePercent => "Residency surcharge (%)",
        CostRoles.MonthlyMinimumUsd => "Monthly minimum commitment (USD)",
        CostRoles.RateLimitTokensPerMinute => "Rate limit (tokens per minute)",
        _ => role,
    };
}
