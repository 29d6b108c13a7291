using System.Text;
using Microsoft.EntityFrameworkCore;
using VendorRisk.Data;
using VendorRisk.Data.Entities;
using VendorRisk.Domain.Common;
using VendorRisk.Domain.QuestionSets;
using VendorRisk.Domain.QuestionSets.Interchange;
using VendorRisk.Web.Infrastructure;

namespace VendorRisk.Web.Features.QuestionSets;

/// <summary>
/// Question sets and their versions (question-set-format.md). Admins write, everyone reads.
/// Every stored version is valid interchange JSON with every default resolved: imports and
/// draft saves are refused, and nothing is stored, when the content has any error.
/// </summary>
public sealed class QuestionSetService(IDbContextFactory<VendorRiskDbContext> dbFactory, ICurrentUser currentUser)
{
    /// <summary>The same service acting as the system, for the seeder and the command line.</summary>
    internal QuestionSetService AsSystem() => new(dbFactory, new SystemCurrentUser());

    /// <summary>Reads and checks a file (size limit first, then syntax and every rule) without storing anything.</summary>
    public static async Task<QuestionSetParseResult> CheckFileAsync(Stream file, CancellationToken cancellationToken = default) =>
        await QuestionSetFormat.ParseAsync(file, cancellationToken);

    public async Task<IReadOnlyList<QuestionSetSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAsync(Roles.Viewer, "view question sets", cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var sets = await db.QuestionSets.AsNoTracking().OrderBy(s => s.Title).ThenBy(s => s.Key).ToListAsync(cancellationToken);
        var versions = await SummaryQuery(db).ToListAsync(cancellationToken);
        var bySet = versions.ToLookup(v => v.SetId, v => v.Summary);
        return sets.Select(s => new QuestionSetSummary(s.Id, s.Key, s.Title, s.CreatedAt,
            bySet[s.Id].OrderByDescending(v => v.Number).ToList())).ToList();
    }

    public async Task<QuestionSetVersionDetail> GetVersionAsync(string key, int number, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAsync(Roles.Viewer, "view question sets", cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var version = await FindVersionAsync(db, key, number, cancellationToken);
        return await DetailAsync(db, key, version, cancellationToken);
    }

    public async Task<QuestionSetVersionDetail> GetVersionByIdAsync(int versionId, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAsync(Roles.Viewer, "view question sets", cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var version = await db.QuestionSetVersions.AsNoTracking().Include(v => v.QuestionSet)
            .SingleOrDefaultAsync(v => v.Id == versionId, cancellationToken)
            ?? throw new NotFoundException($"Question-set version {versionId} does not exist.");
        return await DetailAsync(db, version.QuestionSet.Key, version, cancellationToken);
    }

    /// <summary>The version new assessments may use: the published version of each set (retired ones cannot start assessments).</summary>
    public async Task<IReadOnlyList<PublishedQuestionSetVersion>> PublishedVersionsAsync(CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAsync(Roles.Viewer, "view question sets", cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var published = await db.QuestionSetVersions.AsNoTracking()
            .Where(v => v.Status == VersionStatus.Published)
            .Select(v => new { v.Id, v.QuestionSet.Key, v.Title, v.Number, v.PublishedAt, v.ContentJson })
            .ToListAsync(cancellationToken);
        return published
            .GroupBy(v => v.Key)
            .Select(g => g.OrderByDescending(v => v.Number).First())
            .Select(v => new PublishedQuestionSetVersion(v.Id, v.Key, v.Title, v.Number, v.PublishedAt ?? default,
                ParseStored(v.ContentJson).AllQuestions.Count()))
            .OrderBy(v => v.Title, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
    }

    /// <summary>Imports a file as a new draft: a new set, or a version one above the set's highest.</summary>
    public async Task<ImportedVersion> ImportAsync(Stream file, CancellationToken cancellationToken = default)
    {
        var actor = await currentUser.RequireAsync(Roles.Admin, "import question sets", cancellationToken);
        var parsed = await QuestionSetFormat.ParseAsync(file, cancellationToken);
        if (!parsed.IsValid)
            throw Invalid(parsed.Errors);
        return await AddDraftAsync(actor, parsed.Definition!, sourceVersionId: null, "question-set-imported", "Imported", cancellationToken);
    }

    public async Task<ImportedVersion> ImportAsync(byte[] file, CancellationToken cancellationToken = default)
    {
        using var stream = new MemoryStream(file, writable: false);
        return await ImportAsync(stream, cancellationToken);
    }

    /// <summary>A new set whose first draft holds a one-question skeleton to edit.</summary>
    public async Task<ImportedVersion> CreateSetAsync(string key, string title, CancellationToken cancellationToken = default)
    {
        var actor = await currentUser.RequireAsync(Roles.Admin, "create question sets", cancellationToken);
        var document = NewSetTemplate(key?.Trim() ?? "", title?.Trim() ?? "");
        var errors = QuestionSetFormat.Validate(document);
        if (errors.Count > 0)
            throw Invalid(errors);
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            if (await db.QuestionSets.AnyAsync(s => s.Key == document.Key, cancellationToken))
                throw new ValidationFailedException("$.key", $"A question set with the key '{document.Key}' already exists.");
        }
        return await AddDraftAsync(actor, QuestionSetFormat.ToDefinition(document), null, "question-set-created", "Created", cancellationToken);
    }

    /// <summary>Editing a published (or retired) version: a new draft copied from it.</summary>
    public async Task<ImportedVersion> CreateDraftFromAsync(string key, int fromVersion, CancellationToken cancellationToken = default)
    {
        var actor = await currentUser.RequireAsync(Roles.Admin, "edit question sets", cancellationToken);
        QuestionSetDefinition definition;
        int sourceId;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var source = await FindVersionAsync(db, key, fromVersion, cancellationToken);
            if (source.Status == VersionStatus.Draft)
                throw new ConflictException($"Version {fromVersion} of '{key}' is already a draft; edit it directly.");
            definition = ParseStored(source.ContentJson);
            sourceId = source.Id;
        }
        return await AddDraftAsync(actor, definition, sourceId, "question-set-draft-created", $"Draft copied from version {fromVersion}", cancellationToken);
    }

    /// <summary>Replaces a draft's content. Refused (nothing stored) when the document has any error or changes the key.</summary>
    public async Task<QuestionSetVersionSummary> SaveDraftAsync(int versionId, QuestionSetDocument document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        var actor = await currentUser.RequireAsync(Roles.Admin, "edit question sets", cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var version = await db.QuestionSetVersions.Include(v => v.QuestionSet)
            .SingleOrDefaultAsync(v => v.Id == versionId, cancellationToken)
            ?? throw new NotFoundException($"Question-set version {versionId} does not exist.");
        if (version.Status != VersionStatus.Draft)
            throw new ConflictException($"Version {version.Number} of '{version.QuestionSet.Key}' is {Describe(version.Status)} and cannot be changed; edit a new draft instead.");

        var errors = QuestionSetFormat.Validate(document).ToList();
        if (document.Key != version.QuestionSet.Key)
            errors.Insert(0, new FormatError("$.key", $"the key of a set cannot change; it is '{version.QuestionSet.Key}'"));
        if (errors.Count > 0)
            throw Invalid(errors);

        var definition = QuestionSetFormat.ToDefinition(document);
        var before = version.ContentJson;
        version.ContentJson = Serialize(definition, version.Number);
        if (version.ContentJson == before)
            return Summarize(version, await SourceNumberAsync(db, version, cancellationToken));

        version.Title = definition.Title;
        version.UpdatedAt = DateTime.UtcNow;
        var diff = QuestionSetDiff.Compare(ParseStored(before), definition);
        db.Audit(actor, "question-set-draft-saved", AuditEntityTypes.QuestionSet, EntityId(version.QuestionSet.Key, version.Number),
            $"Draft version {version.Number} of '{version.QuestionSet.Key}' saved: {DescribeChanges(diff)}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Summarize(version, await SourceNumberAsync(db, version, cancellationToken));
    }

    /// <summary>Publishes a valid draft and retires the version published before it, in one transaction.</summary>
    public async Task PublishAsync(string key, int number, CancellationToken cancellationToken = default)
    {
        var actor = await currentUser.RequireAsync(Roles.Admin, "publish question sets", cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var version = await FindVersionAsync(db, key, number, cancellationToken, tracked: true);
        if (version.Status != VersionStatus.Draft)
            throw new ConflictException($"Version {number} of '{key}' is {Describe(version.Status)}; only a draft can be published.");

        var parsed = QuestionSetFormat.Parse(version.ContentJson);
        if (!parsed.IsValid)
            throw Invalid(parsed.Errors);
        if (parsed.Definition!.Key != key)
            throw new ValidationFailedException("$.key", $"the key of a set cannot change; it is '{key}'");

        var now = DateTime.UtcNow;
        var previous = await db.QuestionSetVersions
            .Where(v => v.QuestionSetId == version.QuestionSetId && v.Status == VersionStatus.Published)
            .ToListAsync(cancellationToken);
        foreach (var old in previous)
        {
            old.Status = VersionStatus.Retired;
            old.RetiredAt = now;
            db.Audit(actor, "question-set-retired", AuditEntityTypes.QuestionSet, EntityId(key, old.Number),
                $"Version {old.Number} of '{key}' retired: version {number} was published");
        }

        version.Status = VersionStatus.Published;
        version.PublishedBy = actor.Name;
        version.PublishedAt = now;
        version.UpdatedAt = now;
        version.QuestionSet.Title = version.Title;
        db.Audit(actor, "question-set-published", AuditEntityTypes.QuestionSet, EntityId(key, number),
            $"Version {number} of '{key}' published" + (previous.Count > 0 ? $" (retires version {string.Join(", ", previous.Select(p => p.Number))})" : ""));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>A retired version starts no new assessments; assessments that used it keep showing it.</summary>
    public async Task RetireAsync(string key, int number, CancellationToken cancellationToken = default)
    {
        var actor = await currentUser.RequireAsync(Roles.Admin, "retire question sets", cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var version = await FindVersionAsync(db, key, number, cancellationToken, tracked: true);
        if (version.Status != VersionStatus.Published)
            throw new ConflictException($"Version {number} of '{key}' is {Describe(version.Status)}; only the published version can be retired.");
        version.Status = VersionStatus.Retired;
        version.RetiredAt = DateTime.UtcNow;
        db.Audit(actor, "question-set-retired", AuditEntityTypes.QuestionSet, EntityId(key, number),
            $"Version {number} of '{key}' retired; the set has no published version now");
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Deletes a draft; a set whose only version was that draft is deleted with it.</summary>
    public async Task DeleteDraftAsync(string key, int number, CancellationToken cancellationToken = default)
    {
        var actor = await currentUser.RequireAsync(Roles.Admin, "delete question-set drafts", cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var version = await FindVersionAsync(db, key, number, cancellationToken, tracked: true);
        if (version.Status != VersionStatus.Draft)
            throw new ConflictException($"Version {number} of '{key}' is {Describe(version.Status)}; only a draft can be deleted.");
        db.QuestionSetVersions.Remove(version);
        var lastVersion = !await db.QuestionSetVersions.AnyAsync(v => v.QuestionSetId == version.QuestionSetId && v.Id != version.Id, cancellationToken);
        if (lastVersion)
            db.QuestionSets.Remove(version.QuestionSet);
        db.Audit(actor, "question-set-draft-deleted", AuditEntityTypes.QuestionSet, EntityId(key, number),
            $"Draft version {number} of '{key}' deleted" + (lastVersion ? "; the set had no other version and was deleted" : ""),
            oldValue: version.ContentJson);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The interchange file of a version: the published one unless <paramref name="number"/> is given.</summary>
    public async Task<QuestionSetFile> ExportAsync(string key, int? number = null, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAsync(Roles.Viewer, "export question sets", cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        QuestionSetVersion version;
        if (number is { } n)
        {
            version = await FindVersionAsync(db, key, n, cancellationToken);
        }
        else
        {
            if (!await db.QuestionSets.AnyAsync(s => s.Key == key, cancellationToken))
                throw new NotFoundException($"There is no question set with the key '{key}'.");
            version = await db.QuestionSetVersions.AsNoTracking()
                .SingleOrDefaultAsync(v => v.QuestionSet.Key == key && v.Status == VersionStatus.Published, cancellationToken)
                ?? throw new NotFoundException($"The question set '{key}' has no published version; name a version to export.");
        }
        var content = QuestionSetFormat.Export(ParseStored(version.ContentJson), version.Number);
        return new QuestionSetFile($"{key}-v{version.Number}.json", content, version.Number);
    }

    /// <summary>A version (normally a draft) against the version it was copied from, or that it would replace when imported.</summary>
    public async Task<VersionDiff> DiffAsync(string key, int number, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAsync(Roles.Viewer, "view question sets", cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var version = await FindVersionAsync(db, key, number, cancellationToken);
        if (version.SourceVersionId is not { } sourceId)
            throw new NotFoundException($"Version {number} of '{key}' was not copied from another version; there is nothing to compare it with.");
        var source = await db.QuestionSetVersions.AsNoTracking().SingleAsync(v => v.Id == sourceId, cancellationToken);
        return new VersionDiff(key, number, source.Number,
            QuestionSetDiff.Compare(ParseStored(source.ContentJson), ParseStored(version.ContentJson)));
    }

    private async Task<ImportedVersion> AddDraftAsync(Actor actor, QuestionSetDefinition definition, int? sourceVersionId,
        string action, string verb, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // An immediate transaction on SQLite: the draft check and the new number cannot race another import.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = DateTime.UtcNow;
        var set = await db.QuestionSets.SingleOrDefaultAsync(s => s.Key == definition.Key, cancellationToken);
        var number = 1;
        if (set is null)
        {
            set = new QuestionSet { Key = definition.Key, Title = definition.Title, CreatedAt = now };
            db.QuestionSets.Add(set);
        }
        else
        {
            var existing = await db.QuestionSetVersions.AsNoTracking().Where(v => v.QuestionSetId == set.Id)
                .Select(v => new { v.Id, v.Number, v.Status, v.CreatedBy, v.CreatedAt }).ToListAsync(cancellationToken);
            if (existing.FirstOrDefault(v => v.Status == VersionStatus.Draft) is { } draft)
                throw new ConflictException(
                    $"The question set '{set.Key}' already has a draft: version {draft.Number}, created by {draft.CreatedBy} on {draft.CreatedAt:yyyy-MM-dd HH:mm} UTC. " +
                    "Publish or delete that draft first.");
            number = existing.Count == 0 ? 1 : existing.Max(v => v.Number) + 1;
            // An import into an existing set is compared with the version it would replace.
            sourceVersionId ??= existing.Where(v => v.Status == VersionStatus.Published).Select(v => (int?)v.Id).FirstOrDefault()
                ?? existing.OrderByDescending(v => v.Number).Select(v => (int?)v.Id).FirstOrDefault();
        }

        var version = new QuestionSetVersion
        {
            QuestionSet = set,
            Number = number,
            Status = VersionStatus.Draft,
            Title = definition.Title,
            ContentJson = Serialize(definition, number),
            SourceVersionId = sourceVersionId,
            CreatedBy = actor.Name,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.QuestionSetVersions.Add(version);
        db.Audit(actor, action, AuditEntityTypes.QuestionSet, EntityId(set.Key, number),
            $"{verb} '{set.Key}' as draft version {number} ({definition.AllQuestions.Count()} questions)");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex)
        {
            throw new ConflictException($"The question set '{definition.Key}' was changed at the same time; try again. ({ex.InnerException?.Message ?? ex.Message})");
        }
        await transaction.CommitAsync(cancellationToken);
        return new ImportedVersion(set.Key, number, version.Id);
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

    private static async Task<QuestionSetVersion> FindVersionAsync(VendorRiskDbContext db, string key, int number,
        CancellationToken cancellationToken, bool tracked = false)
    {
        var query = tracked ? db.QuestionSetVersions : db.QuestionSetVersions.AsNoTracking();
        var version = await query.Include(v => v.QuestionSet)
            .SingleOrDefaultAsync(v => v.QuestionSet.Key == key && v.Number == number, cancellationToken);
        if (version is not null)
            return version;
        throw await db.QuestionSets.AnyAsync(s => s.Key == key, cancellationToken)
            ? new NotFoundException($"The question set '{key}' has no version {number}.")
            : new NotFoundException($"There is no question set with the key '{key}'.");
    }

    private static async Task<QuestionSetVersionDetail> DetailAsync(VendorRiskDbContext db, string key, QuestionSetVersion version, CancellationToken cancellationToken) =>
        new(key, Summarize(version, await SourceNumberAsync(db, version, cancellationToken)), ParseStored(version.ContentJson));

    private static async Task<int?> SourceNumberAsync(VendorRiskDbContext db, QuestionSetVersion version, CancellationToken cancellationToken) =>
        version.SourceVersionId is { } id
            ? await db.QuestionSetVersions.Where(v => v.Id == id).Select(v => (int?)v.Number).SingleOrDefaultAsync(cancellationToken)
            : null;

    private static QuestionSetVersionSummary Summarize(QuestionSetVersion v, int? sourceNumber) =>
        new(v.Id, v.Number, v.Status, v.Title, v.SourceVersionId, sourceNumber, v.CreatedBy, v.CreatedAt, v.PublishedBy, v.PublishedAt, v.RetiredAt, v.UpdatedAt);

    /// <summary>Stored content was validated when it was written; a failure here means the database was edited by hand.</summary>
    private static QuestionSetDefinition ParseStored(string contentJson)
    {
        var parsed = QuestionSetFormat.Parse(contentJson);
        return parsed.Definition
            ?? throw new InvalidOperationException("A stored question-set version is not valid: " + string.Join("; ", parsed.Errors));
    }

    private static string Serialize(QuestionSetDefinition definition, int number) =>
        Encoding.UTF8.GetString(QuestionSetFormat.Export(definition, number));

    internal static ValidationFailedException Invalid(IEnumerable<FormatError> errors) =>
        new(errors.GroupBy(e => e.Path, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).Distinct().ToArray(), StringComparer.Ordinal));

    private static string EntityId(string key, int number) => $"{key}/v{number}";

    private static string Describe(VersionStatus status) => KebabEnum.ToKebab(status);

    private static string DescribeChanges(QuestionSetDiff diff)
    {
        if (!diff.HasChanges)
            return "no content change";
        var parts = new List<string>();
        if (diff.Added.Count > 0)
            parts.Add($"{Plural.Count(diff.Added.Count, "question")} added");
        if (diff.Removed.Count > 0)
            parts.Add($"{diff.Removed.Count} removed");
        if (diff.Changed.Count > 0)
            parts.Add($"{diff.Changed.Count} changed");
        parts.AddRange(diff.SetChanges.Take(5));
        return string.Join(", ", parts);
    }
}
