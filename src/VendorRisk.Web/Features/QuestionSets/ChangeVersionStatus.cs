namespace VendorRisk.Web.Features.QuestionSets;

/// <summary>Publish a valid draft; the version published before it is retired in the same transaction.</summary>
[RequiresRole(Roles.Admin, "publish question sets")]
public sealed record PublishVersionRequest(string Key, int Number) : IUseCase<Done>;

/// <summary>A retired version starts no new assessments; assessments that used it keep showing it.</summary>
[RequiresRole(Roles.Admin, "retire question sets")]
public sealed record RetireVersionRequest(string Key, int Number) : IUseCase<Done>;

/// <summary>Delete a draft; a set whose only version was that draft is deleted with it.</summary>
[RequiresRole(Roles.Admin, "delete question-set drafts")]
public sealed record DeleteDraftRequest(string Key, int Number) : IUseCase<Done>;

public sealed class ChangeVersionStatusHandler :
    IUseCaseHandler<PublishVersionRequest, Done>,
    IUseCaseHandler<RetireVersionRequest, Done>,
    IUseCaseHandler<DeleteDraftRequest, Done>
{
    public async Task<Done> HandleAsync(PublishVersionRequest request, UseCaseContext context, CancellationToken cancellationToken)
    {
        var (key, number, db) = (request.Key, request.Number, context.Db);
        var version = await FindInStatusAsync(db, key, number, VersionStatus.Draft, "only a draft can be published", cancellationToken);
        var parsed = QuestionSetFormat.Parse(version.ContentJson);
        if (!parsed.IsValid)
            throw QuestionSetVersions.Invalid(parsed.Errors);
        if (parsed.Definition!.Key != key)
            throw RequestRefusals.One("$.key", $"the key of a set cannot change; it is '{key}'");

        var previous = await db.QuestionSetVersions
            .Where(v => v.QuestionSetId == version.QuestionSetId && v.Status == VersionStatus.Published)
            .ToListAsync(cancellationToken);
        foreach (var old in previous)
        {
            old.Status = VersionStatus.Retired;
            old.RetiredAt = context.Now;
            context.Audit("question-set-retired", AuditEntityTypes.QuestionSet, QuestionSetVersions.EntityId(key, old.Number),
                $"Version {old.Number} of '{key}' retired: version {number} was published");
        }

        version.Status = VersionStatus.Published;
        version.PublishedBy = context.Actor.Name;
        version.PublishedAt = context.Now;
        version.UpdatedAt = context.Now;
        version.QuestionSet.Title = version.Title;
        context.Audit("question-set-published", AuditEntityTypes.QuestionSet, QuestionSetVersions.EntityId(key, number),
            $"Version {number} of '{key}' published" + (previous.Count > 0 ? $" (retires version {string.Join(", ", previous.Select(p => p.Number))})" : ""));
        return default;
    }

    public async Task<Done> HandleAsync(RetireVersionRequest request, UseCaseContext context, CancellationToken cancellationToken)
    {
        var (key, number) = (request.Key, request.Number);
        var version = await FindInStatusAsync(context.Db, key, number, VersionStatus.Published, "only the published version can be retired", cancellationToken);
        version.Status = VersionStatus.Retired;
        version.RetiredAt = context.Now;
        context.Audit("question-set-retired", AuditEntityTypes.QuestionSet, QuestionSetVersions.EntityId(key, number),
            $"Version {number} of '{key}' retired; the set has no published version now");
        return default;
    }

    public async Task<Done> HandleAsync(DeleteDraftRequest request, UseCaseContext context, CancellationToken cancellationToken)
    {
        var (key, number, db) = (request.Key, request.Number, context.Db);
        var version = await FindInStatusAsync(db, key, number, VersionStatus.Draft, "only a draft can be deleted", cancellationToken);
        db.QuestionSetVersions.Remove(version);
        var lastVersion = !await db.QuestionSetVersions.AnyAsync(v => v.QuestionSetId == version.QuestionSetId && v.Id != version.Id, cancellationToken);
        if (lastVersion)
            db.QuestionSets.Remove(version.QuestionSet);
        context.Audit("question-set-draft-deleted", AuditEntityTypes.QuestionSet, QuestionSetVersions.EntityId(key, number),
            $"Draft version {number} of '{key}' deleted" + (lastVersion ? "; the set had no other version and was deleted" : ""),
            oldValue: version.ContentJson);
        return default;
    }

    /// <summary>The version, tracked; a 409 saying <paramref name="refusal"/> when it is not in <paramref name="required"/>.</summary>
    private static async Task<QuestionSetVersion> FindInStatusAsync(VendorRiskDbContext db, string key, int number, VersionStatus required,
        string refusal, CancellationToken cancellationToken)
    {
        var version = await QuestionSetVersions.FindAsync(db, key, number, cancellationToken, tracked: true);
        if (version.Status != required)
            throw new ConflictException($"Version {number} of '{key}' is {KebabEnum.ToKebab(version.Status)}; {refusal}.",
                new { key, version = number, status = KebabEnum.ToKebab(version.Status) });
        return version;
    }
}
