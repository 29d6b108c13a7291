using System.Text.RegularExpressions;

namespace VendorRisk.Web.Features.QuestionSets;

/// <summary>
/// Keeps the default question sets of seed-data/question-sets in the database. Each <c>&lt;key&gt;.json</c> is the
/// current default; <c>history/&lt;key&gt;.v&lt;N&gt;.json</c> are the defaults shipped before it. A new database gets
/// every shipped version in order, so the current one is published and numbered as shipped. An existing database gets
/// the current default as a new published version when its published version is an earlier shipped default; a set an
/// admin has changed, or one with a draft, is left alone with a warning. Published versions are never edited, so
/// assessments on an earlier version keep their questions. A second start adds nothing.
/// </summary>
public sealed partial class QuestionSetSeeder(
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
        await SeedFromAsync(folder, cancellationToken);
    }

    internal async Task SeedFromAsync(string folder, CancellationToken cancellationToken)
    {
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var current = await ReadAsync(file, cancellationToken);
            if (current is null)
                continue;
            var history = new List<SeedVersion>();
            foreach (var earlier in HistoryFiles(folder, current.Definition.Key))
            {
                if (await ReadAsync(earlier, cancellationToken) is { } shipped)
                    history.Add(shipped);
            }
            await SeedSetAsync(current, history, cancellationToken);
        }
    }

    private async Task SeedSetAsync(SeedVersion current, IReadOnlyList<SeedVersion> history, CancellationToken cancellationToken)
    {
        var key = current.Definition.Key;
        List<QuestionSetVersion> stored;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            stored = await db.QuestionSetVersions.AsNoTracking()
                .Where(v => v.QuestionSet.Key == key)
                .OrderBy(v => v.Number)
                .ToListAsync(cancellationToken);
        }

        if (stored.Count == 0)
        {
            foreach (var shipped in history.Append(current))
                await ImportAndPublishAsync(shipped, cancellationToken);
            return;
        }

        var storedDefinitions = stored.Select(v => (Version: v, Definition: QuestionSetFormat.Parse(v.ContentJson).Definition)).ToList();
        if (storedDefinitions.Any(v => Same(v.Definition, current.Definition)))
            return;

        var published = storedDefinitions.LastOrDefault(v => v.Version.Status == VersionStatus.Published);
        var draft = stored.FirstOrDefault(v => v.Status == VersionStatus.Draft);
        if (published.Version is null || !history.Any(h => Same(published.Definition, h.Definition)))
        {
            logger.LogWarning(
                "Question set {Key}: a new default is in {File}, but the published version here is not an earlier default (it was changed or retired), so it was left as it is. Import the file to adopt the new default.",
                key, current.FileName);
            return;
        }
        if (draft is not null)
        {
            logger.LogWarning(
                "Question set {Key}: a new default is in {File}, but draft version {Draft} exists, so it was not added. Publish or delete the draft and restart.",
                key, current.FileName, draft.Number);
            return;
        }

        var number = await ImportAndPublishAsync(current, cancellationToken);
        logger.LogInformation(
            "Question set {Key}: version {Version} from {File} is published and offered for new assessments; version {Previous} is retired and its assessments keep their questions.",
            key, number, current.FileName, published.Version.Number);
    }

    private async Task<int> ImportAndPublishAsync(SeedVersion seed, CancellationToken cancellationToken)
    {
        var system = service.AsSystem();
        var imported = await system.ImportAsync(seed.Bytes, cancellationToken);
        await system.PublishAsync(imported.Key, imported.Version, cancellationToken);
        logger.LogInformation("Seeded question set {Key} version {Version} from {File}", imported.Key, imported.Version, seed.FileName);
        return imported.Version;
    }

    private async Task<SeedVersion?> ReadAsync(string file, CancellationToken cancellationToken)
    {
        var bytes = await File.ReadAllBytesAsync(file, cancellationToken);
        var parsed = QuestionSetFormat.Parse(bytes);
        if (parsed.IsValid)
            return new SeedVersion(Path.GetFileName(file), bytes, parsed.Definition!);
        logger.LogError("Seed question set {File} is not valid and was skipped: {Errors}", file, string.Join("; ", parsed.Errors));
        return null;
    }

    private static bool Same(QuestionSetDefinition? stored, QuestionSetDefinition seed) =>
        stored is not null && QuestionSetDefinitionComparer.Instance.Equals(stored, seed);

    /// <summary>history/&lt;key&gt;.v&lt;N&gt;.json, oldest first.</summary>
    internal static IEnumerable<string> HistoryFiles(string folder, string key)
    {
        var history = Path.Combine(folder, "history");
        if (!Directory.Exists(history))
            return [];
        return Directory.EnumerateFiles(history, $"{key}.v*.json")
            .Select(file => (File: file, Match: HistoryName().Match(Path.GetFileName(file))))
            .Where(f => f.Match.Success && f.Match.Groups["key"].Value == key)
            .OrderBy(f => int.Parse(f.Match.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture))
            .Select(f => f.File);
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

    [GeneratedRegex(@"^(?<key>[a-z0-9]+(-[a-z0-9]+)*)\.v(?<n>[0-9]{1,6})\.json$")]
    private static partial Regex HistoryName();

    private sealed record SeedVersion(string FileName, byte[] Bytes, QuestionSetDefinition Definition);
}
