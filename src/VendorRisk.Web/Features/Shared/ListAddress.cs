using Microsoft.AspNetCore.Components;

namespace VendorRisk.Web.Features.Shared;

/// <summary>How list pages write a sort or filter value in their address: kebab-case names, unknown values ignored; and when they may.</summary>
public static class ListAddress
{
    public const int DefaultPageSize = 25;
    public static readonly int[] PageSizes = [DefaultPageSize, 50, 100];

    public static TEnum ParseEnum<TEnum>(string? value, TEnum fallback) where TEnum : struct, Enum =>
        string.IsNullOrWhiteSpace(value) ? fallback : KebabEnum.Parse<TEnum>(value) ?? fallback;

    public static string Format<TEnum>(TEnum value) where TEnum : struct, Enum => KebabEnum.ToKebab(value);

    /// <summary>
    /// Whether the page at <paramref name="path"/> (<c>/vendors</c>) is still the one shown. Writing the address is a
    /// navigation: one that lands after the user has clicked elsewhere (a slow load, a slider that settles as they leave)
    /// would take them back, so a page writes its address only while this holds.
    /// </summary>
    public static bool IsShown(NavigationManager navigation, string path) =>
        string.Equals(new Uri(navigation.Uri).AbsolutePath, path, StringComparison.OrdinalIgnoreCase);
}
