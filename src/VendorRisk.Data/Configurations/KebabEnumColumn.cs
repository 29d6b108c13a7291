using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace VendorRisk.Data.Configurations;

internal static class KebabEnumColumn
{
    /// <summary>
    /// Stores an enum as its kebab-case name, as the API spells it, in a column of at most <paramref name="maxLength"/>
    /// characters; a stored name the enum no longer knows reads back as <paramref name="fallback"/>.
    /// </summary>
    public static PropertyBuilder<TProperty> HasKebabConversion<TProperty, TEnum>(this PropertyBuilder<TProperty> property, TEnum fallback,
        int maxLength) where TEnum : struct, Enum =>
        property.HasConversion(new ValueConverter<TEnum, string>(v => KebabEnum.ToKebab(v), s => KebabEnum.Parse<TEnum>(s) ?? fallback))
            .HasMaxLength(maxLength);
}
