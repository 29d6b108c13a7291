namespace VendorRisk.Domain.Common;

/// <summary>Counts in words ("1 knockout", "3 knockouts"): the one place the product pluralises, never "knockout(s)".</summary>
public static class Plural
{
    /// <summary>The count and the noun in the right number; <paramref name="plural"/> defaults to the singular plus "s".</summary>
    public static string Count(int count, string singular, string? plural = null) =>
        count.ToString("#,0", CultureInfo.InvariantCulture) + " " + Word(count, singular, plural);

    /// <summary>The noun (or verb) alone, in the number <paramref name="count"/> asks for.</summary>
    public static string Word(int count, string singular, string? plural = null) =>
        count == 1 ? singular : plural ?? singular + "s";
}
