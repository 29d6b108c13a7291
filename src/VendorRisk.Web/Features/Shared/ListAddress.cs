namespace VendorRisk.Web.Features.Shared;

/// <summary>How list pages write a sort or filter value in their address: kebab-case names, unknown values ignored.</summary>
public static class ListAddress
{
    public const int DefaultPageSize = 25;
    public static readonly int[] PageSizes = [DefaultPageSize, 50, 100];

    public static TEnum ParseEnum<TEnum>(string? value, TEnum fallback) where TEnum : struct, Enum =>
        string.IsNullOrWhiteSpace(value) ? fallback : KebabEnum.Parse<TEnum>(value) ?? fallback;

    public static string Format<TEnum>(TEnum value) where TEnum : struct, Enum => KebabEnum.ToKebab(value);
}
