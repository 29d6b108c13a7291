using System.Buffers;
using System.Text.Json;
using FluentValidation;

namespace VendorRisk.Domain.Common;

/// <summary>
/// The one place that says how long a text is and what a name or key may contain, so the UI,
/// the API and the CSV import count and clean text the same way.
/// </summary>
public static class TextRules
{
    /// <summary>Characters as a reader sees them (extended grapheme clusters): an emoji or a flag is one, not two or four.</summary>
    public static int Length(string? text) => string.IsNullOrEmpty(text) ? 0 : new StringInfo(text).LengthInTextElements;

    /// <summary>
    /// A name or key as stored: Unicode NFKC, without control, format (zero-width, bidi override)
    /// or unpaired surrogate characters, with runs of white space as one space, trimmed. Two names
    /// that look alike ("ZW\u200B base" and "ZW base") clean to the same string.
    /// </summary>
    public static string CleanName(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return "";
        var kept = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                kept.Append(c).Append(text[++i]);
                continue;
            }
            if (char.IsSurrogate(c) || (!char.IsWhiteSpace(c) && char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format))
                continue;
            kept.Append(c);
        }
        // NFKC first: it can turn a compatibility character into white space (U+2003 and kin).
        var normalized = kept.ToString().Normalize(NormalizationForm.FormKC);
        var result = new StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            if (!char.IsWhiteSpace(c))
                result.Append(c);
            else if (result.Length > 0 && result[^1] != ' ')
                result.Append(' ');
        }
        return result.ToString().TrimEnd();
    }

    /// <summary>
    /// The longest start of <paramref name="text"/> that fits in <paramref name="maxUnits"/> UTF-16 units (a column's
    /// length) and ends between whole characters as a reader sees them, so a cut never leaves half an emoji or a lone accent.
    /// </summary>
    public static string Truncate(string text, int maxUnits)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= maxUnits)
            return text;
        var end = 0;
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext() && end + elements.GetTextElement().Length <= maxUnits)
            end += elements.GetTextElement().Length;
        return text[..end];
    }

    /// <summary>Whether a reader would see any character: not only white space, control or invisible formatting (U+200B).</summary>
    public static bool HasVisibleText(string? text) => CleanName(text).Length > 0;

    public const string Untitled = "(untitled)";

    /// <summary>
    /// A stored title as a list shows it: "(untitled)" for one a reader would not see. New titles are refused blank; some
    /// stored before that rule are only invisible characters, and were a link or a row nobody could see.
    /// </summary>
    public static string Shown(string? title) => HasVisibleText(title) ? title! : Untitled;

    /// <summary>
    /// C0 controls but tab, line feed and carriage return, and DEL. Nobody types them, and SQLite cuts a long text at
    /// NUL, so a text holding one is refused rather than stored shortened.
    /// </summary>
    private static readonly SearchValues<char> ForbiddenControls = SearchValues.Create(
        Enumerable.Range(0, 32).Where(c => c is not '\t' and not '\n' and not '\r').Select(c => (char)c).Append('\u007f').ToArray());

    public static bool HasControlCharacters(string? text) => text is not null && text.AsSpan().ContainsAny(ForbiddenControls);

    public const string ControlCharacterMessage = "The text holds a control character (such as NUL or an escape code); remove it.";

    /// <summary>The reason <paramref name="text"/> cannot be stored as text, or null.</summary>
    public static string? TextProblem(string? text) =>
        HasControlCharacters(text) ? ControlCharacterMessage : null;

    public const string InvalidTextMessage = "The text is not valid Unicode (an unpaired surrogate such as \\ud800, or bytes that are not UTF-8).";

    /// <summary>
    /// The path of the first string or property name in <paramref name="element"/> that cannot be read as
    /// text (a lone surrogate escape, invalid UTF-8) or holds a control character, with the reason, else null. <paramref name="root"/> is the path of the
    /// element itself: "" for API bodies (<c>answers[2].note</c>), "$" for question-set files (<c>$.title</c>).
    /// </summary>
    public static (string Path, string Message)? FindInvalidText(JsonElement element, string root = "")
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                if (!Readable(element, out var text))
                    return (root, InvalidTextMessage);
                return TextProblem(text) is { } problem ? (root, problem) : null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (FindInvalidText(item, $"{root}[{index}]") is { } inItem)
                        return inItem;
                    index++;
                }
                return null;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    string name;
                    try
                    {
                        name = property.Name;
                    }
                    catch (InvalidOperationException)
                    {
                        return (root, InvalidTextMessage);
                    }
                    if (FindInvalidText(property.Value, root.Length == 0 ? name : $"{root}.{name}") is { } inValue)
                        return inValue;
                }
                return null;
            default:
                return null;
        }
    }

    private static bool Readable(JsonElement element, out string? text)
    {
        try
        {
            text = element.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            text = null;
            return false;
        }
    }
}

/// <summary>Length rules in characters as users see them (<see cref="TextRules.Length"/>), for every validator.</summary>
public static class TextLengthRules
{
    public static IRuleBuilderOptions<T, string?> MaximumTextLength<T>(this IRuleBuilder<T, string?> rule, int max) =>
        rule.Must(text => TextRules.Length(text) <= max)
            .WithMessage((_, text) => $"Use at most {max:N0} characters (this has {TextRules.Length(text):N0}).");

    public static IRuleBuilderOptions<T, string?> TextLengthBetween<T>(this IRuleBuilder<T, string?> rule, int min, int max) =>
        rule.Must(text => TextRules.Length(text) is var n && n >= min && n <= max);
}
