namespace VendorRisk.Web.Features.QuestionSets;

/// <summary>Import a file as a new draft: a new set, or a version one above the set's highest.</summary>
[RequiresRole(Roles.Admin, "import question sets")]
public sealed record ImportQuestionSetRequest(byte[] File) : IUseCase<ImportedVersion>;

/// <summary>A new set whose first draft holds a one-question skeleton to edit.</summary>
[RequiresRole(Roles.Admin, "create question sets")]
public sealed record CreateQuestionSetRequest(string Key, string Title) : IUseCase<ImportedVersion>;

/// <summary>Editing a published (or retired) version: a new draft copied from it.</summary>
[RequiresRole(Roles.Admin, "edit question sets")]
public sealed record CopyVersionToDraftRequest(string Key, int FromVersion) : IUseCase<ImportedVersion>;

/// <summary>
/// The three ways to a new draft end the same way: one draft per set at a time, numbered one above the set's
/// highest, stored only when its content has no error.
/// </summary>
public sealed class AddDraftVersionHandler :
    IUseCaseHandler<ImportQuestionSetRequest, ImportedVersion>,
    IUseCaseHandler<CreateQuestionSetRequest, ImportedVersion>,
    IUseCaseHandler<CopyVersionToDraftRequest, ImportedVersion>
{
    public async Task<ImportedVersion> HandleAsync(ImportQuestionSetRequest request, UseCaseContext context, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream(request.File, writable: false);
        var parsed = await QuestionSetFormat.ParseAsync(stream, cancellationToken);
        if (!parsed.IsValid)
            throw QuestionSetVersions.Invalid(parsed.Errors);
        return await AddAsync(context, parsed.Definition!, sourceVersionId: null, "question-set-imported", "Imported", cancellationToken);
    }

    public async Task<ImportedVersion> HandleAsync(CreateQuestionSetRequest request, UseCaseContext context, CancellationToken cancellationToken)
    {
        var document = QuestionSetService.NewSetTemplate(request.Key?.Trim() ?? "", request.Title?.Trim() ?? "");
        var errors = QuestionSetFormat.Validate(document);
        if (errors.Count > 0)
            throw QuestionSetVersions.Invalid(errors);
        if (await context.Db.QuestionSets.AnyAsync(s => s.Key == document.Key, cancellationToken))
            throw RequestRefusals.One("$.key", $"A question set with the key '{document.Key}' already exists.");
        return await AddAsync(context, QuestionSetFormat.ToDefinition(document), null, "question-set-created", "Created", cancellationToken);
    }

    public async Task<ImportedVersion> HandleAsync(CopyVersionToDraftRequest request, UseCaseContext context, CancellationToken cancellationToken)
    {
        var source = await QuestionSetVersions.FindAsync(context.Db, request.Key, request.FromVersion, cancellationToken);
        if (source.Status == VersionStatus.Draft)
            throw new ConflictException($"Version {request.FromVersion} of '{request.Key}' is already a draft; edit it directly.");
        return await AddAsync(context, QuestionSetVersions.ParseStored(source.ContentJson), source.Id, "question-set-draft-created",
            $"Draft copied from version {request.FromVersion}", cancellationToken);
    }

    private static async Task<ImportedVersion> AddAsync(UseCaseContext context, QuestionSetDefinition definition, int? sourceVersionId,
        string action, string verb, CancellationToken cancellationToken)
    {
        var db = context.Db;
        var set = await db.QuestionSets.SingleOrDefaultAsync(s => s.Key == definition.Key, cancellationToken);
        var number = 1;
        if (set is null)
        {
            set = new QuestionSet { Key = definition.Key, Title = definition.Title, CreatedAt = context.Now };
            db.QuestionSets.Add(set);
        }
        else
        {
            var existing = await db.QuestionSetVersions.AsNoTracking().Where(v => v.QuestionSetId == set.Id)
                .Select(v => new { v.Id, v.Number, v.Status, v.CreatedBy, v.CreatedAt }).ToListAsync(cancellationToken);
            if (existing.FirstOrDefault(v => v.Status == VersionStatus.Draft) is { } draft)
                throw new ConflictException(
                    $"The question set '{set.Key}' already has a draft: version {draft.Number}, created by {draft.CreatedBy} on {draft.CreatedAt:yyyy-MM-dd HH:mm} UTC. " +
                    "Publish or delete that draft first.",
                    new { key = set.Key, draft = new { version = draft.Number, createdBy = draft.CreatedBy, createdAt = DateTime.SpecifyKind(draft.CreatedAt, DateTimeKind.Utc) } });
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
            ContentJson = QuestionSetVersions.Serialize(definition, number),
            SourceVersionId = sourceVersionId,
            CreatedBy = context.Actor.Name,
            CreatedAt = context.Now,
            UpdatedAt = context.Now,
        };
        db.QuestionSetVersions.Add(version);
        context.Audit(action, AuditEntityTypes.QuestionSet, QuestionSetVersions.EntityId(set.Key, number),
            $"{verb} '{set.Key}' as draft version {number} ({definition.AllQuestions.Count()} questions)");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex)
        {
            throw new ConflictException($"The question set '{definition.Key}' was changed at the same time; try again. ({ex.InnerException?.Message ?? ex.Message})");
        }
        return new ImportedVersion(set.Key, number, version.Id);
    }
}
