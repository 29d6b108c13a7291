namespace VendorRisk.Web.Features.Api;

/// <summary>One parsed answer of a PUT: the value to store (or <see cref="Clear"/>), and the version the client last saw.</summary>
public sealed record ParsedAnswer(AnswerValue Value, bool Clear, int? ExpectedVersion);

/// <summary>
/// Reads <c>{ "answers": [ … ] }</c> strictly, by hand, so each error is keyed by its path into the
/// body (<c>answers[2].choice</c>). Only the shape is checked here (JSON kinds, one value field,
/// known fields); the answer rules against the question set are the service's.
/// </summary>
public static class AnswersRequestParser
{
    /// <summary>api.md: at most this many answers in one PUT; more is refused whole, before any is read.</summary>
    public const int MaxAnswersPerRequest = 1_000;

    private static readonly string[] ValueFields = [AnswerFields.Choice, AnswerFields.Choices, AnswerFields.Number, AnswerFields.Text];

    public static IReadOnlyList<ParsedAnswer> Parse(JsonElement root)
    {
        var errors = new Dictionary<string, List<string>>();
        void Error(string path, string message)
        {
            if (!errors.TryGetValue(path, out var list))
                errors[path] = list = [];
            list.Add(message);
        }

        var parsed = new List<ParsedAnswer>();
        if (root.ValueKind != JsonValueKind.Object)
            Error("", "The body must be an object: { \"answers\": [ … ] }.");
        else
        {
            foreach (var property in root.EnumerateObject())
                if (property.Name != "answers")
                    Error(property.Name, "Unknown field.");
            if (!root.TryGetProperty("answers", out var answers))
                Error("answers", "Required: a list of answers.");
            else if (answers.ValueKind != JsonValueKind.Array)
                Error("answers", "Must be a list of answers.");
            else if (answers.GetArrayLength() > MaxAnswersPerRequest)
                Error("answers", $"At most {MaxAnswersPerRequest:N0} answers per request (this one has {answers.GetArrayLength():N0}); send them in several requests.");
            else
            {
                var index = 0;
                foreach (var element in answers.EnumerateArray())
                {
                    var answer = ParseOne(element, $"answers[{index}]", Error);
                    if (answer is not null)
                        parsed.Add(answer);
                    index++;
                }
            }
        }

        if (errors.Count > 0)
            throw RequestRefusals.Of(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
        return parsed;
    }

    private static ParsedAnswer? ParseOne(JsonElement element, string at, Action<string, string> error)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            error(at, "Each answer must be an object.");
            return null;
        }

        string? questionKey = null, choice = null, text = null, justification = null, note = null;
        List<string>? choices = null;
        double? number = null;
        bool notApplicable = false, clear = false;
        int? expectedVersion = null;
        Evidence? evidence = null;
        var valueFields = new List<string>();
        var ok = true;

        foreach (var p in element.EnumerateObject())
        {
            var path = $"{at}.{p.Name}";
            var v = p.Value;
            if (v.ValueKind == JsonValueKind.Null)
                continue;
            if (ValueFields.Contains(p.Name))
                valueFields.Add(p.Name);
            switch (p.Name)
            {
                case AnswerFields.QuestionKey: ok &= String(v, path, error, out questionKey); break;
                case AnswerFields.Choice: ok &= String(v, path, error, out choice); break;
                case AnswerFields.Text: ok &= String(v, path, error, out text); break;
                case AnswerFields.Justification: ok &= String(v, path, error, out justification); break;
                case AnswerFields.Note: ok &= String(v, path, error, out note); break;
                case AnswerFields.NotApplicable: ok &= Bool(v, path, error, out notApplicable); break;
                case "clear": ok &= Bool(v, path, error, out clear); break;
                case AnswerFields.Number:
                    if (v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var d))
                        number = d;
                    else
                    {
                        error(path, "Must be a number.");
                        ok = false;
                    }
                    break;
                case AnswerFields.Choices:
                    if (v.ValueKind != JsonValueKind.Array)
                    {
                        error(path, "Must be a list of option keys.");
                        ok = false;
                        break;
                    }
                    choices = [];
                    var j = 0;
                    foreach (var item in v.EnumerateArray())
                    {
                        if (item.ValueKind == JsonValueKind.String)
                            choices.Add(item.GetString()!);
                        else
                        {
                            error($"{path}[{j}]", "Must be an option key (a string).");
                            ok = false;
                        }
                        j++;
                    }
                    break;
                case "expectedVersion":
                    if (v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var version) && version >= 0)
                        expectedVersion = version;
                    else
                    {
                        error(path, "Must be a whole number ≥ 0 (the version of the answer you last read).");
                        ok = false;
                    }
                    break;
                case "evidence":
                    ok &= ParseEvidence(v, path, error, out evidence);
                    break;
                default:
                    error(path, "Unknown field.");
                    ok = false;
                    break;
            }
        }

        if (string.IsNullOrEmpty(questionKey))
        {
            if (!element.TryGetProperty(AnswerFields.QuestionKey, out var k) || k.ValueKind is JsonValueKind.Null or JsonValueKind.String)
                error($"{at}.{AnswerFields.QuestionKey}", "Required: the key of the question.");
            ok = false;
        }
        foreach (var extra in valueFields.Skip(1))
        {
            error($"{at}.{extra}", $"An answer has one value field; this one also has '{valueFields[0]}'.");
            ok = false;
        }
        if (clear && (valueFields.Count > 0 || notApplicable || justification is not null || note is not null || evidence is not null))
        {
            error($"{at}.clear", "'clear' drops the whole answer; send it without other fields.");
            ok = false;
        }

        if (!ok)
            return null;
        var value = new AnswerValue
        {
            QuestionKey = questionKey!,
            Choice = choice,
            Choices = choices,
            Number = number,
            Text = text,
            NotApplicable = notApplicable,
            Justification = justification,
            Note = note,
            Evidence = evidence,
        };
        return new ParsedAnswer(value, clear, expectedVersion);
    }

    private static bool ParseEvidence(JsonElement v, string path, Action<string, string> error, out Evidence? evidence)
    {
        evidence = null;
        if (v.ValueKind != JsonValueKind.Object)
        {
            error(path, "Must be an object: { description, source, date }.");
            return false;
        }
        string? description = null;
        EvidenceSource? source = null;
        DateOnly? date = null;
        var ok = true;
        foreach (var p in v.EnumerateObject())
        {
            var at = $"{path}.{p.Name}";
            if (p.Value.ValueKind == JsonValueKind.Null)
                continue;
            switch (p.Name)
            {
                case "description":
                    ok &= String(p.Value, at, error, out description);
                    break;
                case "source":
                    source = p.Value.ValueKind == JsonValueKind.String ? KebabEnum.Parse<EvidenceSource>(p.Value.GetString()) : null;
                    if (source is null)
                    {
                        error(at, $"Must be one of: {string.Join(", ", Enum.GetValues<EvidenceSource>().Select(KebabEnum.ToKebab))}.");
                        ok = false;
                    }
                    break;
                case "date":
                    if (p.Value.ValueKind == JsonValueKind.String
                        && DateOnly.TryParseExact(p.Value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                        date = parsed;
                    else
                    {
                        error(at, "Must be a date: yyyy-MM-dd.");
                        ok = false;
                    }
                    break;
                default:
                    error(at, "Unknown field.");
                    ok = false;
                    break;
            }
        }
        if (ok && (description is not null || source is not null || date is not null))
            evidence = new Evidence(description, source, date);
        return ok;
    }

    private static bool String(JsonElement v, string path, Action<string, string> error, out string? value)
    {
        value = v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        if (value is null)
            error(path, "Must be a string.");
        return value is not null;
    }

    private static bool Bool(JsonElement v, string path, Action<string, string> error, out bool value)
    {
        value = v.ValueKind == JsonValueKind.True;
        if (v.ValueKind is JsonValueKind.True or JsonValueKind.False)
            return true;
        error(path, "Must be true or false.");
        return false;
    }
}
