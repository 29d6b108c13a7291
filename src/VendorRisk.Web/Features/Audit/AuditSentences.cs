using VendorRisk.Domain.Assessments;
using VendorRisk.Web.Features.Shared;

namespace VendorRisk.Web.Features.Audit;

/// <summary>
/// An audit entry's change in words ("Ana changed Budget caps from Per key to Per organisation") rather than raw JSON
/// and kebab-case ids. The stored values stay as they are (the CSV export keeps them exact); only the screen reads them.
/// </summary>
public static class AuditSentences
{
    private const int MaxValueLength = 80;

    /// <summary>"vendor-updated" → "Vendor updated"; "question-set" → "Question set".</summary>
    public static string Words(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
            return "";
        var builder = new StringBuilder(id.Length + 4);
        for (var i = 0; i < id.Length; i++)
        {
            var c = id[i];
            if (c is '-' or '_')
                builder.Append(' ');
            else if (char.IsUpper(c) && i > 0 && char.IsLower(id[i - 1]))
                builder.Append(' ').Append(char.ToLowerInvariant(c));
            else
                builder.Append(i == 0 ? c : char.ToLowerInvariant(c));
        }

        var text = builder.ToString().Trim();
        text = text.Length == 0 ? "" : char.ToUpperInvariant(text[0]) + text[1..];
        return text.StartsWith("Api ", StringComparison.Ordinal) ? "API " + text[4..] : text;
    }

    /// <summary>A GUID's first 8 characters and an ellipsis ("07fa6217…"); any other id (a number, "12/exit-plan") whole.</summary>
    public static string ShortId(string id) =>
        Guid.TryParseExact(id, "D", out _) ? id[..8] + "…" : id;

    /// <summary>One sentence per changed field; a single sentence for plain values; none when nothing was recorded.</summary>
    public static IReadOnlyList<string> Of(AuditRecord entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var who = string.IsNullOrWhiteSpace(entry.UserName) ? "Someone" : entry.UserName;
        var before = Parse(entry.OldValue);
        var after = Parse(entry.NewValue);
        if (before is null && after is null)
            return [];

        if (before is { ValueKind: JsonValueKind.Object } || after is { ValueKind: JsonValueKind.Object })
        {
            // A new answer lists what it was given, not the defaults it starts with (No, nothing) nor its key.
            var answer = entry.EntityType == AuditEntityTypes.Answer;
            var oldFields = Fields(before, skipFalse: false);
            var newFields = Fields(after, skipFalse: answer && before is null);
            var sentences = new List<string>();
            foreach (var name in oldFields.Keys.Concat(newFields.Keys).Distinct(StringComparer.Ordinal))
            {
                var from = oldFields.GetValueOrDefault(name);
                var to = newFields.GetValueOrDefault(name);
                if (string.Equals(from, to, StringComparison.Ordinal) || answer && (name == HasValueField || before is null && name == QuestionKeyField))
                    continue;
                sentences.Add((from, to) switch
                {
                    (null, _) => $"{who} set {Words(name)} to {to}",
                    (_, null) => $"{who} removed {Words(name)} ({from})",
                    _ => $"{who} changed {Words(name)} from {from} to {to}",
                });
            }

            return sentences;
        }

        var oldText = before is null ? null : Value(before.Value);
        var newText = after is null ? null : Value(after.Value);
        return [(oldText, newText) switch
        {
            (null, _) => $"{who} set it to {newText}",
            (_, null) => $"{who} removed {oldText}",
            _ => $"{who} changed it from {oldText} to {newText}",
        }];
    }

    private static JsonElement? Parse(string? value)
    {
        if (value is null)
            return null;
        var trimmed = value.TrimStart();
        if (trimmed.StartsWith('{') || trimmed.StartsWith('['))
        {
            try
            {
                using var document = JsonDocument.Parse(value);
                return document.RootElement.Clone();
            }
            catch (JsonException)
            {
                // Not JSON after all: shown as text.
            }
        }

        return JsonDocument.Parse(JsonSerializer.Serialize(value)).RootElement.Clone();
    }

    /// <summary>An answer's own bookkeeping: it changes whenever the answer is given or cleared, which its other fields say.</summary>
    private const string HasValueField = "hasValue";

    /// <summary>An answer's question key: its entry's id already names it ("12/exit-plan").</summary>
    private const string QuestionKeyField = "questionKey";

    /// <summary>Fields whose values are option keys: one word ("declined") reads as a word, as several do.</summary>
    private static readonly HashSet<string> OptionFields = new(StringComparer.Ordinal) { "choice", "choices" };

    private static Dictionary<string, string?> Fields(JsonElement? element, bool skipFalse)
    {
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (element is { ValueKind: JsonValueKind.Object } obj)
        {
            foreach (var property in obj.EnumerateObject())
            {
                if (skipFalse && property.Value.ValueKind == JsonValueKind.False)
                    continue;
                fields[property.Name] = property.Value.ValueKind == JsonValueKind.Null ? null
                    : OptionFields.Contains(property.Name) ? OptionWords(property.Value)
                    : Value(property.Value);
            }
        }

        return fields;
    }

    private static string OptionWords(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String when value.GetString() is { } key && key.All(c => char.IsAsciiLetterLower(c) || c == '-') => Words(key),
        JsonValueKind.Array => string.Join(", ", value.EnumerateArray().Select(OptionWords)),
        _ => Value(value),
    };

    private static string Value(JsonElement value)
    {
        var text = value.ValueKind switch
        {
            JsonValueKind.String => Identifier(value.GetString()!),
            JsonValueKind.True => "yes",
            JsonValueKind.False => "no",
            JsonValueKind.Number => value.GetDouble().ToString("0.##", CultureInfo.InvariantCulture),
            JsonValueKind.Array => string.Join(", ", value.EnumerateArray().Select(Value)),
            JsonValueKind.Object => string.Join("; ", value.EnumerateObject().Where(p => p.Value.ValueKind != JsonValueKind.Null)
                .Select(p => $"{Words(p.Name)}: {EvidenceSourceLabel(p) ?? Value(p.Value)}")),
            _ => "nothing",
        };
        return text.Length > MaxValueLength ? text[..(MaxValueLength - 1)] + "…" : text;
    }

    /// <summary>An answer's evidence stores its source as the enum's number: it reads as the label the wizard shows.</summary>
    private static string? EvidenceSourceLabel(JsonProperty property) =>
        property.Name == "source" && property.Value.ValueKind == JsonValueKind.Number && property.Value.TryGetInt32(out var number)
            && Enum.IsDefined((EvidenceSource)number)
            ? EvidenceLabels.Of((EvidenceSource)number)
            : null;

    /// <summary>A kebab-case or camelCase id ("per-organisation") reads as words; any other text stays as written.</summary>
    private static string Identifier(string value) =>
        value.Length is > 0 and <= 60 && !value.Contains(' ', StringComparison.Ordinal) && value.Any(c => c is '-' or '_')
            && value.All(c => char.IsLetterOrDigit(c) || c is '-' or '_') && !value.Any(char.IsDigit)
            ? Words(value)
            : value;
}
