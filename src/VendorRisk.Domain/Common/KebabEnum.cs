namespace VendorRisk.Domain.Common;

/// <summary>Enums are stored as the kebab-case strings of the API (api.md), so the database reads like the contract.</summary>
public static class KebabEnum
{
    public static string ToKebab<T>(T value) where T : struct, Enum =>
        string.Concat(value.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    public static T? Parse<T>(string? value) where T : struct, Enum =>
        Enum.GetValues<T>().Cast<T?>().FirstOrDefault(v => ToKebab(v!.Value) == value);
}

