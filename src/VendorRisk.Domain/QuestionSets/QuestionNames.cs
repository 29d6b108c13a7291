namespace VendorRisk.Domain.QuestionSets;

/// <summary>
/// The one way a question is named where there is no room for its full text (knockouts, risks, lists):
/// its text up to the first clause break (with "…" where a comma or semicolon cut it mid-sentence), at most <see cref="MaxLength"/> characters, cut at a word.
/// Screens show the key as a tooltip; reports print it beside the name.
/// </summary>
public static class QuestionNames
{
    public const int MaxLength = 70;

    private static readonly char[] ClauseBreaks = ['(', ',', ':', ';', '?'];

    public static string Short(string text)
    {
        var name = text.Trim();
        var cut = name.IndexOfAny(ClauseBreaks);
        if (cut > 15)
        {
            // A comma or semicolon stops the sentence mid-thought ("Does the vendor use the buyer's prompts, outputs… to
            // train its models?"): the ellipsis says the name goes on, where a question mark or an aside ends a thought.
            var clause = name[..cut].TrimEnd();
            name = name[cut] is ',' or ';' ? clause + "…" : clause;
        }
        if (name.Length > MaxLength)
        {
            var space = name.LastIndexOf(' ', MaxLength - 1);
            name = name[..(space > 20 ? space : MaxLength - 1)].TrimEnd() + "…";
        }

        return name;
    }

    /// <summary>The short name of <paramref name="key"/> in <paramref name="set"/>; the key itself when the set lacks it.</summary>
    public static string ShortName(this QuestionSetDefinition set, string key) =>
        set.FindQuestion(key) is { } question ? Short(question.Text) : key;
}
