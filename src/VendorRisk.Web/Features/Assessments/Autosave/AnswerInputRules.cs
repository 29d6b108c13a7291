using VendorRisk.Data.Entities;
using VendorRisk.Domain.Assessments;
using VendorRisk.Domain.QuestionSets;

namespace VendorRisk.Web.Features.Assessments.Autosave;

/// <summary>The checks every saved answer passes, whichever way it came in.</summary>
public static class AnswerInputRules
{
    public static void Validate(QuestionSetDefinition definition, IReadOnlyList<AnswerInput> inputs)
    {
        var errors = new Dictionary<string, List<string>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Add(string path, string message)
        {
            if (!errors.TryGetValue(path, out var list))
                errors[path] = list = [];
            list.Add(message);
        }

        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            if (input?.Value is null || string.IsNullOrEmpty(input.Value.QuestionKey))
            {
                Add($"answers[{i}].{AnswerFields.QuestionKey}", "Name the question this answer is for.");
                continue;
            }
            if (!seen.Add(input.Value.QuestionKey))
                Add($"answers[{i}].{AnswerFields.QuestionKey}", $"Question '{input.Value.QuestionKey}' is named more than once in this request.");
            if (input.ExpectedVersion < 0)
                Add($"answers[{i}].expectedVersion", "A version is 0 or more.");
            if (input.Clear)
            {
                if (definition.FindQuestion(input.Value.QuestionKey) is null)
                    Add($"answers[{i}].{AnswerFields.QuestionKey}", $"Question '{input.Value.QuestionKey}' is not in question set '{definition.Key}'.");
                continue;
            }
            foreach (var failure in AnswerValidator.Validate(definition, input.Value).Errors)
                Add($"answers[{i}].{failure.PropertyName}", failure.ErrorMessage);
        }

        if (errors.Count > 0)
            throw new ValidationFailedException(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
    }

    /// <summary>N/A carries only its justification; an answer that is not N/A carries none.</summary>
    public static AnswerValue Normalize(AnswerValue value) => value.NotApplicable
        ? value with { Choice = null, Choices = null, Number = null, Text = null, Justification = value.Justification?.Trim() }
        : value with
        {
            Justification = null,
            Note = string.IsNullOrWhiteSpace(value.Note) ? null : value.Note,
            Evidence = value.Evidence is { Description: null or "", Source: null, Date: null } ? null : value.Evidence,
        };

    public static bool SameValue(AnswerValue a, AnswerValue b) =>
        a.QuestionKey == b.QuestionKey && a.Choice == b.Choice && a.Number.Equals(b.Number) && a.Text == b.Text
        && a.NotApplicable == b.NotApplicable && a.Justification == b.Justification && a.Note == b.Note && a.Evidence == b.Evidence
        && (a.Choices is null ? b.Choices is null : b.Choices is not null && a.Choices.SequenceEqual(b.Choices, StringComparer.Ordinal));

    public static ConflictException Conflict(string key, Answer? current)
    {
        var state = new CurrentAnswer(key, current?.ToValue(), current?.Version ?? 0, current?.UpdatedByName, current?.UpdatedAt);
        return new ConflictException(current is null
            ? $"The answer to '{key}' was cleared by someone else since you loaded it."
            : $"The answer to '{key}' was changed by {current.UpdatedByName} at {current.UpdatedAt:yyyy-MM-dd HH:mm} UTC since you loaded it.", state);
    }
}
