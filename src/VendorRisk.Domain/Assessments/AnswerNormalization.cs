namespace VendorRisk.Domain.Assessments;

/// <summary>
/// The one shape an answer is stored in, whoever sends it (the wizard, the API, the CSV and XLSX import):
/// N/A carries only its (trimmed) justification; an answer that is not N/A carries none, a blank note is no
/// note, and evidence with nothing in it is no evidence. Text and notes keep their whitespace, so an exported
/// answer re-imports unchanged.
/// </summary>
public static class AnswerNormalization
{
    public static AnswerValue Normalize(AnswerValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.NotApplicable
            ? value with { Choice = null, Choices = null, Number = null, Text = null, Justification = value.Justification?.Trim() }
            : value with
            {
                Justification = null,
                Note = string.IsNullOrWhiteSpace(value.Note) ? null : value.Note,
                Evidence = value.Evidence is { Description: null or "", Source: null, Date: null } ? null : value.Evidence,
            };
    }

    /// <summary>True when saving <paramref name="incoming"/> over <paramref name="stored"/> would change nothing.</summary>
    public static bool SameAnswer(AnswerValue stored, AnswerValue incoming)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(incoming);
        return stored.QuestionKey == incoming.QuestionKey
            && stored.Choice == incoming.Choice
            && (stored.Choices ?? []).SequenceEqual(incoming.Choices ?? [])
            && (stored.Choices is null) == (incoming.Choices is null)
            && Nullable.Equals(stored.Number, incoming.Number)
            && stored.Text == incoming.Text
            && stored.NotApplicable == incoming.NotApplicable
            && stored.Justification == incoming.Justification
            && stored.Note == incoming.Note
            && Equals(stored.Evidence, incoming.Evidence);
    }
}
