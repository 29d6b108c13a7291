using Microsoft.EntityFrameworkCore;
using VendorRisk.Data;
using VendorRisk.Domain.QuestionSets.Interchange;
using VendorRisk.Web.Infrastructure;

namespace VendorRisk.Web.Features.QuestionSets;

/// <summary>
/// Imports and publishes every seed-data/question-sets/*.json whose key is not in the database yet,
/// so a fresh database has the default sets and a second start adds nothing.
/// </summary>
public sealed class QuestionSetSeeder(
    QuestionSetService service,
    IDbContextFactory<VendorRiskDbContext> dbFactory,
    IHostEnvironment environment,
    ILogger<QuestionSetSeeder> logger) : ISeeder
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var folder = FindSeedFolder(environment.ContentRootPath);
        if (folder is null)
        {
            logger.LogWarning("No seed-data/question-sets folder found next to the app; no default question sets were loaded.");
            return;
        }

        var system = service.AsSystem();
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var bytes = await File.ReadAllBytesAsync(file, cancellationToken);
            var parsed = QuestionSetFormat.Parse(bytes);
            if (!parsed.IsValid)
            {
                logger.LogError("Seed question set {File} is not valid and was skipped: {Errors}", file, string.Join("; ", parsed.Errors));
                continue;
            }

            var key = parsed.Definition!.Key;
            await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            {
                if (await db.QuestionSets.AnyAsync(s => s.Key == key, cancellationToken))
                    continue;
            }

            var imported = await system.ImportAsync(bytes, cancellationToken);
            await system.PublishAsync(imported.Key, imported.Version, cancellationToken);
            logger.LogInformation("Seeded question set {Key} version {Version} from {File}", imported.Key, imported.Version, Path.GetFileName(file));
        }
    }

    /// <summary>Next to the app (published, or the build output), else the repository's seed-data when running from source.</summary>
    internal static string? FindSeedFolder(string contentRoot)
    {
        string[] candidates =
        [
            Path.Combine(AppContext.BaseDirectory, "seed-data", "question-sets"),
            Path.GetFullPath(Path.Combine(contentRoot, "..", "..", "seed-data", "question-sets")),
        ];
        return candidates.FirstOrDefault(Directory.Exists);
    }
}
