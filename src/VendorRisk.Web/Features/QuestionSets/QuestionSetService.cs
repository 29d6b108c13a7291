namespace VendorRisk.Web.Features.QuestionSets;

/// <summary>
/// Question sets and their versions (question-set-format.md). Admins write, everyone reads.
/// Every stored version is valid interchange JSON with every default resolved: imports and
/// draft saves are refused, and nothing is stored, when the content has any error.
/// </summary>
public sealed class QuestionSetService(IDbContextFactory<VendorRiskDbContext> dbFactory, UseCasePipeline pipeline)
{
    /// <summary>The same service acting as the system, for the seeder and the command line.</summary>
    internal QuestionSetService AsSystem() => new(dbFactory, pipeline.AsSystem());

    /// <summary>Reads and checks a file (size limit first, then syntax and every rule) without storing anything.</summary>
    public static async Task<QuestionSetParseResult> CheckFileAsync(Stream file, CancellationToken cancellationToken = default) =>
        await QuestionSetFormat.ParseAsync(file, cancellationToken);

    public async Task<IReadOnlyList<QuestionSetSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await pipeline.AuthorizeAsync(new ViewQuestionSets(), cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var sets = await db.QuestionSets.AsNoTracking().OrderBy(s => s.Title).ThenBy(s => s.Key).ToListAsync(cancellationToken);
        var versions = await SummaryQuery(db).ToListAsync(cancellationToken);
        var bySet = versions.ToLookup(v => v.SetId, v => v.Summary);
        return sets.Select(s => new QuestionSetSummary(s.Id, s.Key, s.Title, s.CreatedAt,
            bySet[s.Id].OrderByDescending(v => v.Number).ToList())).ToList();
    }

    public async Task<QuestionSetVersionDetail> GetVersionAsync(string key, int number, CancellationToken cancellationToken = default)
    {
        await pipeline.AuthorizeAsync(new ViewQuestionSets(), cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var version = await QuestionSetVersions.FindAsync(db, key, number, cancellationToken);
        return await DetailAsync(db, key, version, cancellationToken);
    }

    public async Task<QuestionSetVersionDetail> GetVersionByIdAsync(int versionId, CancellationToken cancellationToken = default)
    {
        await pipeline.AuthorizeAsync(new ViewQuestionSets(), cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var version = await db.QuestionSetVersions.AsNoTracking().Include(v => v.QuestionSet)
            .SingleOrDefaultAsync(v => v.Id == versionId, cancellationToken)
            ?? throw new NotFoundException($"Question-set version {versionId} does not exist.");
        return await DetailAsync(db, version.QuestionSet.Key, version, cancellationToken);
    }

    /// <summary>The version new assessments may use: the published version of each set (retired ones cannot start assessments).</summary>
    public async Task<IReadOnlyList<PublishedQuestionSetVersion>> PublishedVersionsAsync(CancellationToken cancellationToken = default)
    {
        await pipeline.AuthorizeAsync(new ViewQuestionSets(), cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var published = await db.QuestionSetVersions.AsNoTracking()
            .Where(v => v.Status == VersionStatus.Published)
            .Select(v => new { v.Id, v.QuestionSet.Key, v.Title, v.Number, v.PublishedAt, v.ContentJson })
            .ToListAsync(cancellationToken);
        return published
            .GroupBy(v => v.Key)
            .Select(g => g.OrderByDescending(v => v.Number).First())
            .Select(v => new PublishedQuestionSetVersion(v.Id, v.Key, v.Title, v.Number, v.PublishedAt ?? default,
                QuestionSetVersions.ParseStored(v.ContentJson).AllQuestions.Count()))
            .OrderBy(v => v.Title, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
    }

    /// <summary>Imports a file as a new draft: a new set, or a version one above the set's highest.</summary>
    public async Task<ImportedVersion> ImportAsync(Stream file, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        return await ImportAsync(buffer.ToArray(), cancellationToken);
    }

    public Task<ImportedVersion> ImportAsync(byte[] file, CancellationToken cancellationToken = default) =>
        pipeline.RunAsync(new ImportQuestionSetRequest(file), cancellationToken);

    public Task<ImportedVersion> CreateSetAsync(string key, string title, CancellationToken cancellationToken = default) =>
        pipeline.RunAsync(new CreateQuestionSetRequest(key, title), cancellationToken);

    public Task<ImportedVersion> CreateDraftFromAsync(string key, int fromVersion, CancellationToken cancellationToken = default) =>
        pipeline.RunAsync(new CopyVersionToDraftRequest(key, fromVersion), cancellationToken);

    public Task<QuestionSetVersionSummary> SaveDraftAsync(int versionId, QuestionSetDocument document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        return pipeline.RunAsync(new SaveDraftRequest(versionId, document), cancellationToken);
    }

    public Task PublishAsync(string key, int number, CancellationToken cancellationToken = default) =>
        pipeline.RunAsync(new PublishVersionRequest(key, number), cancellationToken);

    public Task RetireAsync(string key, int number, CancellationToken cancellationToken = default) =>
        pipeline.RunAsync(new RetireVersionRequest(key, number), cancellationToken);

    public Task DeleteDraftAsync(string key, int number, CancellationToken cancellationToken = default) =>
        pipeline.RunAsync(new DeleteDraftRequest(key, number), cancellationToken);

    /// <summary>The interchange file of a version: the published one unless <paramref name="number"/> is given.</summary>
    public async Task<QuestionSetFile> ExportAsync(string key, int? number = null, CancellationToken cancellationToken = default)
    {
        await pipeline.AuthorizeAsync(new ExportQuestionSets(), cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        QuestionSetVersion version;
        if (number is { } n)
        {
            version = await QuestionSetVersions.FindAsync(db, key, n, cancellationToken);
        }
        else
        {
            if (!await db.QuestionSets.AnyAsync(s => s.Key == key, cancellationToken))
                throw new NotFoundException($"There is no question set with the key '{key}'.");
            version = await db.QuestionSetVersions.AsNoTracking()
                .SingleOrDefaultAsync(v => v.QuestionSet.Key == key && v.Status == VersionStatus.Published, cancellationToken)
                ?? throw new NotFoundException($"The question set '{key}' has no published version; name a version to export.");
        }
        var content = QuestionSetFormat.Export(QuestionSetVersions.ParseStored(version.ContentJson), version.Number);
        return new QuestionSetFile($"{key}-v{version.Number}.json", content, version.Number);
    }

    /// <summary>A version (normally a draft) against the version it was copied from, or that it would replace when imported.</summary>
    public async Task<VersionDiff> DiffAsync(string key, int number, CancellationToken cancellationToken = default)
    {
        await pipeline.AuthorizeAsync(new ViewQuestionSets(), cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var version = await QuestionSetVersions.FindAsync(db, key, number, cancellationToken);
        if (version.SourceVersionId is not { } sourceId)
            throw new NotFoundException($"Version {number} of '{key}' was not copied from another version; there is nothing to compare it with.");
        var source = await db.QuestionSetVersions.AsNoTracking().SingleAsync(v => v.Id == sourceId, cancellationToken);
        return new VersionDiff(key, number, source.Number,
            QuestionSetDiff.Compare(QuestionSetVersions.ParseStored(source.ContentJson), QuestionSetVersions.ParseStored(version.ContentJson)));
    }

    internal static QuestionSetDocument NewSetTemplate(string key, string title) => new()
    {
        Format = QuestionSetLimits.FormatId,
        Key = key,
        Title = title,
        RatingBands =
        [
            new() { Label = "Low", MinScore = 80 },
            new() { Label = "Moderate", MinScore = 60 },
            new() { Label = "High", MinScore = 40 },
            new() { Label = "Critical", MinScore = 0 },
        ],
        Sections =
        [
            new()
            {
                Key = "general",
                Title = "General",
                Weight = 1,
                Questions =
                [
                    new()
                    {
                        Key = "first-question",
                        Text = "Replace this with your first question",
                        Type = QuestionTypeNames.Choice,
                        Weight = 1,
                        Options =
                        [
                            new() { Key = "no", Label = "No", Score = 0 },
                            new() { Key = "partly", Label = "Partly", Score = 1 },
                            new() { Key = "yes", Label = "Yes", Score = 2 },
                        ],
                    },
                ],
            },
        ],
    };

    private static IQueryable<VersionRow> SummaryQuery(VendorRiskDbContext db) =>
        from v in db.QuestionSetVersions.AsNoTracking()
        join s in db.QuestionSetVersions on v.SourceVersionId equals s.Id into sources
        from source in sources.DefaultIfEmpty()
        select new VersionRow(v.QuestionSetId, new QuestionSetVersionSummary(
            v.Id, v.Number, v.Status, v.Title, v.SourceVersionId, source == null ? (int?)null : source.Number,
            v.CreatedBy, v.CreatedAt, v.PublishedBy, v.PublishedAt, v.RetiredAt, v.UpdatedAt));

    private sealed record VersionRow(int SetId, QuestionSetVersionSummary Summary);

    private static async Task<QuestionSetVersionDetail> DetailAsync(VendorRiskDbContext db, string key, QuestionSetVersion version, CancellationToken cancellationToken) =>
        new(key, QuestionSetVersions.Summarize(version, await QuestionSetVersions.SourceNumberAsync(db, version, cancellationToken)), QuestionSetVersions.ParseStored(version.ContentJson));
}
