namespace VendorRisk.Domain.Common;

/// <summary>Enums are stored as the kebab-case strings of the API (api.md), so the database reads like the contract.</summary>
public static class KebabEnum
{
    public static string ToKebab<T>(T value) where T : struct, Enum
    {
        foreach (var (known, kebab) in Names<T>.All)
        {
            if (EqualityComparer<T>.Default.Equals(known, value))
                return kebab;
        }
        return Kebab(value.ToString());
    }

    /// <summary>The value whose kebab-case name is <paramref name="value"/>, or null when none is.</summary>
    public static T? Parse<T>(string? value) where T : struct, Enum
    {
        foreach (var (known, kebab) in Names<T>.All)
        {
            if (string.Equals(kebab, value, StringComparison.Ordinal))
                return known;
        }
        return null;
    }

    private static string Kebab(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    /// <summary>
    /// Each enum's names, spelled once per process: every stored enum column goes through here on each read and write,
    /// and spelling them afresh allocated a string per character.
    /// </summary>
    private static class Names<T> where T : struct, Enum
    {
        public static readonly (T Value, string Kebab)[] All = Enum.GetValues<T>().Select(v => (v, Kebab(v.ToString()))).ToArray();
    }
}
