using System.Text.Json;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace VendorRisk.Data.Configurations;

/// <summary>A small immutable record stored as one JSON text column (camelCase, as the API writes it).</summary>
internal static class JsonColumn<T> where T : class
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static readonly ValueConverter<T?, string?> Converter = new(
        value => value == null ? null : JsonSerializer.Serialize(value, Options),
        json => json == null ? null : JsonSerializer.Deserialize<T>(json, Options));
}
