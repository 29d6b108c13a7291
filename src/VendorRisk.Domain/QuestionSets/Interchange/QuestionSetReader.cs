using System.Text.Json;

namespace VendorRisk.Domain.QuestionSets.Interchange;

/// <summary>The structural result of reading a file: the document (when the file is a JSON object) and the shape errors found.</summary>
public sealed record QuestionSetReadResult(QuestionSetDocument? Document, IReadOnlyList<FormatError> Errors);

/// <summary>
/// Reads a question-set file into a <see cref="QuestionSetDocument"/>, reporting unknown
/// properties and wrong JSON types with their paths. Walks a <see cref="JsonDocument"/>
/// instead of deserializing so that every problem is found, not only the first.
/// Rules about values (lengths, ranges, required fields) are the validator's job.
/// </summary>
public static class QuestionSetReader
{
    private static readonly JsonDocumentOptions Options = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
    };

    public static QuestionSetReadResult Read(string json) => Read(Encoding.UTF8.GetBytes(json));

    public static QuestionSetReadResult Read(Stream stream)
    {
        if (stream.CanSeek && stream.Length - stream.Position > QuestionSetLimits.MaxFileBytes)
            return TooLarge(stream.Length - stream.Position);

        using var buffer = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > QuestionSetLimits.MaxFileBytes)
                return TooLarge(null);
            buffer.Write(chunk, 0, read);
        }
        return Read(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    /// <remarks>Blazor's upload stream does not support synchronous reads.</remarks>
    public static async Task<QuestionSetReadResult> ReadAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        if (stream.CanSeek && stream.Length - stream.Position > QuestionSetLimits.MaxFileBytes)
            return TooLarge(stream.Length - stream.Position);

        using var buffer = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > QuestionSetLimits.MaxFileBytes)
                return TooLarge(null);
            buffer.Write(chunk, 0, read);
        }
        return Read(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    public static QuestionSetReadResult Read(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > QuestionSetLimits.MaxFileBytes)
            return TooLarge(utf8.Length);

        ReadOnlySpan<byte> bom = [0xEF, 0xBB, 0xBF];
        if (utf8.StartsWith(bom))
            utf8 = utf8[bom.Length..];

        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(utf8.ToArray(), Options);
        }
        catch (JsonException ex)
        {
            return new(null, [new FormatError("$", NotJsonMessage(ex))]);
        }

        using (json)
        {
            // A lone surrogate escape or a bad UTF-8 byte parses but cannot be read as text: refuse it at its path.
            if (Common.TextRules.FindInvalidText(json.RootElement, "$") is { } badText)
                return new(null, [new FormatError(badText.Path, badText.Message)]);
            var errors = new List<FormatError>();
            var document = new Walker(errors).ReadRoot(json.RootElement);
            return new(document, errors);
        }
    }

    private static QuestionSetReadResult TooLarge(long? size)
    {
        var limit = $"the limit is 2 MiB ({QuestionSetLimits.MaxFileBytes.ToString("N0", CultureInfo.InvariantCulture)} bytes)";
        var message = size is { } s
            ? $"the file is {s.ToString("N0", CultureInfo.InvariantCulture)} bytes; {limit}"
            : $"the file is larger than {limit[4..]}";
        return new(null, [new FormatError("$", message + " and was not read")]);
    }

    private static string NotJsonMessage(JsonException ex)
    {
        // The reader's message ends with its own "LineNumber: x | BytePositionInLine: y." suffix; restate it 1-based.
        var reason = ex.Message;
        var cut = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut >= 0)
            reason = reason[..cut];
        var where = ex.LineNumber is { } line
            ? $" (line {line + 1}, position {(ex.BytePositionInLine ?? 0) + 1})"
            : "";
        return $"the file is not valid JSON{where}: {reason.Trim()}";
    }

    private sealed class Walker(List<FormatError> errors)
    {
        private const string SchemaProperty = "$schema";

        public QuestionSetDocument? ReadRoot(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new("$", $"the file must contain a JSON object, not {Describe(root.ValueKind)}"));
                return null;
            }

            var o = new ObjectReader(root, "$", errors,
                [SchemaProperty, "format", "key", "title", "description", "version", "ratingBands", "knockoutRating", "sections"]);
            // "$schema" only tells editors where the JSON Schema is; it must be a string and is otherwise ignored.
            _ = o.String(SchemaProperty);
            return new QuestionSetDocument
            {
                Format = o.String("format"),
                Key = o.String("key"),
                Title = o.String("title"),
                Description = o.String("description"),
                Version = o.Integer("version"),
                RatingBands = o.Array("ratingBands", "rating band", ReadRatingBand, () => new RatingBandDocument()),
                KnockoutRating = o.String("knockoutRating"),
                Sections = o.Array("sections", "section", ReadSection, () => new SectionDocument()),
            };
        }

        private RatingBandDocument ReadRatingBand(JsonElement element, string path)
        {
            var o = new ObjectReader(element, path, errors, ["label", "minScore"]);
            return new() { Label = o.String("label"), MinScore = o.Number("minScore") };
        }

        private SectionDocument ReadSection(JsonElement element, string path)
        {
            var o = new ObjectReader(element, path, errors, ["key", "title", "description", "weight", "questions"]);
            return new()
            {
                Key = o.String("key"),
                Title = o.String("title"),
                Description = o.String("description"),
                Weight = o.Number("weight"),
                Questions = o.Array("questions", "question", ReadQuestion, () => new QuestionDocument()),
            };
        }

        private QuestionDocument ReadQuestion(JsonElement element, string path)
        {
            var o = new ObjectReader(element, path, errors,
            [
                "key", "text", "guidance", "type", "weight", "critical", "knockoutBelow", "allowNotApplicable",
                "references", "role", "unit", "level", "options", "maxScore", "bands",
            ]);
            return new()
            {
                Key = o.String("key"),
                Text = o.String("text"),
                Guidance = o.String("guidance"),
                Type = o.String("type"),
                Weight = o.Number("weight"),
                Critical = o.Boolean("critical"),
                KnockoutBelow = o.Number("knockoutBelow"),
                AllowNotApplicable = o.Boolean("allowNotApplicable"),
                References = o.Array("references", "reference", (e, _) => e.GetString()!, () => "", JsonValueKind.String),
                Role = o.String("role"),
                Unit = o.String("unit"),
                Level = o.String("level"),
                Options = o.Array("options", "option", ReadOption, () => new OptionDocument()),
                MaxScore = o.Number("maxScore"),
                Bands = o.Array("bands", "band", ReadBand, () => new BandDocument()),
            };
        }

        private OptionDocument ReadOption(JsonElement element, string path)
        {
            var o = new ObjectReader(element, path, errors, ["key", "label", "score"]);
            return new() { Key = o.String("key"), Label = o.String("label"), Score = o.Number("score") };
        }

        private BandDocument ReadBand(JsonElement element, string path)
        {
            var o = new ObjectReader(element, path, errors, ["upTo", "score"]);
            return new() { UpTo = o.Number("upTo"), Score = o.Number("score") };
        }
    }

    private sealed class ObjectReader
    {
        private readonly JsonElement _element;
        private readonly string _path;
        private readonly List<FormatError> _errors;

        public ObjectReader(JsonElement element, string path, List<FormatError> errors, string[] allowed)
        {
            _element = element;
            _path = path;
            _errors = errors;

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in element.EnumerateObject())
            {
                var name = property.Name;
                if (!allowed.Contains(name, StringComparer.Ordinal))
                {
                    var hint = allowed.FirstOrDefault(a => string.Equals(a, name, StringComparison.OrdinalIgnoreCase));
                    errors.Add(new(Child(name), hint is null
                        ? $"unknown property \"{name}\""
                        : $"unknown property \"{name}\" (property names are case-sensitive: did you mean \"{hint}\"?)"));
                }
                else if (!seen.Add(name))
                {
                    errors.Add(new(Child(name), $"property \"{name}\" appears more than once"));
                }
            }
        }

        public string? String(string name) =>
            Get(name, JsonValueKind.String, "a string") is { } e ? e.GetString() : null;

        public bool? Boolean(string name) =>
            Get(name, JsonValueKind.True, "true or false", JsonValueKind.False) is { } e ? e.GetBoolean() : null;

        public double? Number(string name)
        {
            if (Get(name, JsonValueKind.Number, "a number") is not { } e)
                return null;
            if (e.TryGetDouble(out var value) && double.IsFinite(value))
                return value;
            _errors.Add(new(Child(name), $"{name} is too large a number"));
            return null;
        }

        public int? Integer(string name)
        {
            if (Get(name, JsonValueKind.Number, "an integer") is not { } e)
                return null;
            if (e.TryGetInt32(out var value))
                return value;
            _errors.Add(new(Child(name), $"{name} must be an integer"));
            return null;
        }

        public List<T>? Array<T>(string name, string itemNoun, Func<JsonElement, string, T> readItem,
            Func<T> placeholder, JsonValueKind itemKind = JsonValueKind.Object)
        {
            if (Get(name, JsonValueKind.Array, "an array") is not { } array)
                return null;

            var items = new List<T>(array.GetArrayLength());
            var index = 0;
            foreach (var item in array.EnumerateArray())
            {
                var itemPath = $"{Child(name)}[{index++}]";
                if (item.ValueKind == itemKind)
                {
                    items.Add(readItem(item, itemPath));
                }
                else
                {
                    _errors.Add(new(itemPath, $"each {itemNoun} must be {Describe(itemKind)}, not {Describe(item.ValueKind)}"));
                    // A placeholder keeps the indexes of the following items equal to the file's.
                    items.Add(placeholder());
                }
            }
            return items;
        }

        private JsonElement? Get(string name, JsonValueKind kind, string expected, JsonValueKind otherKind = JsonValueKind.Undefined)
        {
            if (!_element.TryGetProperty(name, out var value))
                return null;
            if (value.ValueKind == kind || (otherKind != JsonValueKind.Undefined && value.ValueKind == otherKind))
                return value;
            _errors.Add(new(Child(name), $"{name} must be {expected}, not {Describe(value.ValueKind)}"));
            return null;
        }

        private string Child(string name) => $"{_path}.{name}";
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}
