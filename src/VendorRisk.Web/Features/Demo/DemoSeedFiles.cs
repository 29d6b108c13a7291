using System.Text.Json.Serialization;

namespace VendorRisk.Web.Features.Demo;

/// <summary>The files of <c>seed-data/demo</c> that the demo seeders read: where they are and how their JSON is read.</summary>
internal static class DemoSeedFiles
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    /// <summary>The demo folder, looked for from the app's binaries, its content root and the working directory; null when there is none.</summary>
    public static string? Folder(IHostEnvironment environment) =>
        SeedDataFolder.Find("demo", AppContext.BaseDirectory, environment.ContentRootPath, Directory.GetCurrentDirectory());

    public static async Task<T?> ReadAsync<T>(string file, CancellationToken cancellationToken) =>
        JsonSerializer.Deserialize<T>(await File.ReadAllTextAsync(file, cancellationToken), Json);
}
