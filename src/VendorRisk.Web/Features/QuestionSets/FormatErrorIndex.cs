namespace VendorRisk.Web.Features.QuestionSets;

/// <summary>A draft's format errors, looked up by the <c>$.</c> path of the field or item they are about.</summary>
public sealed class FormatErrorIndex
{
    private readonly Dictionary<string, List<string>> _byPath;

    public FormatErrorIndex(IReadOnlyList<FormatError> errors)
    {
        All = errors;
        _byPath = errors.GroupBy(e => e.Path, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).Distinct().ToList(), StringComparer.Ordinal);
    }

    public IReadOnlyList<FormatError> All { get; }

    public static string SectionPath(int s) => $"$.sections[{s}]";

    public static string QuestionPath(int s, int q) => $"$.sections[{s}].questions[{q}]";

    /// <summary>The messages about exactly this path, as one sentence for a field's error text.</summary>
    public string? At(string path) => _byPath.TryGetValue(path, out var messages) ? Capitalize(string.Join("; ", messages)) : null;

    public bool Has(string path) => _byPath.ContainsKey(path);

    public int Within(string path) => All.Count(e => FormatPath.IsWithin(e.Path, path));

    /// <summary>Errors about an item's own content (shown above its panel), not about its fields.</summary>
    public IEnumerable<string> OfItemItself(string path) => _byPath.TryGetValue(path, out var messages) ? messages.Select(Capitalize) : [];

    /// <summary>Errors outside any section, and about the list of sections itself.</summary>
    public int OutsideSections() => All.Count(e => !FormatPath.IsWithin(e.Path, "$.sections") || e.Path == "$.sections");

    /// <summary>A question's reference errors, numbered by line as the editor shows references one per line.</summary>
    public string? References(string questionPath)
    {
        var messages = All
            .Where(e => FormatPath.IsWithin(e.Path, questionPath + ".references"))
            .Select(e => QuestionSetEditing.IndexAfter(e.Path, "references[") is { } i ? $"Line {i + 1}: {e.Message}" : Capitalize(e.Message))
            .ToList();
        return messages.Count == 0 ? null : string.Join("; ", messages);
    }

    private static string Capitalize(string message) =>
        message.Length == 0 ? message : char.ToUpperInvariant(message[0]) + message[1..];
}
