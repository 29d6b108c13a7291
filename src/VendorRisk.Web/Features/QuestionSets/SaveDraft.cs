namespace VendorRisk.Web.Features.QuestionSets;

/// <summary>Replace a draft's content. Refused (nothing stored) when the document has any error or changes the key.</summary>
[RequiresRole(Roles.Admin, "edit question sets")]
public sealed record SaveDraftRequest(int VersionId, QuestionSetDocument Document) : IUseCase<QuestionSetVersionSummary>;

public sealed class SaveDraftHandler : IUseCaseHandler<SaveDraftRequest, QuestionSetVersionSummary>
{
    public async Task<QuestionSetVersionSummary> HandleAsync(SaveDraftRequest request, UseCaseContext context, CancellationToken cancellationToken)
    {
        var db = context.Db;
        var version = await db.QuestionSetVersions.Include(v => v.QuestionSet)
            .SingleOrDefaultAsync(v => v.Id == request.VersionId, cancellationToken)
            ?? throw new NotFoundException($"Question-set version {request.VersionId} does not exist.");
        if (version.Status != VersionStatus.Draft)
            throw new ConflictException($"Version {version.Number} of '{version.QuestionSet.Key}' is {KebabEnum.ToKebab(version.Status)} and cannot be changed; edit a new draft instead.");

        var errors = QuestionSetFormat.Validate(request.Document).ToList();
        if (request.Document.Key != version.QuestionSet.Key)
            errors.Insert(0, new FormatError("$.key", $"the key of a set cannot change; it is '{version.QuestionSet.Key}'"));
        if (errors.Count > 0)
            throw QuestionSetVersions.Invalid(errors);

        var definition = QuestionSetFormat.ToDefinition(request.Document);
        var before = version.ContentJson;
        version.ContentJson = QuestionSetVersions.Serialize(definition, version.Number);
        if (version.ContentJson != before)
        {
            version.Title = definition.Title;
            version.UpdatedAt = context.Now;
            var diff = QuestionSetDiff.Compare(QuestionSetVersions.ParseStored(before), definition);
            context.Audit("question-set-draft-saved", AuditEntityTypes.QuestionSet, QuestionSetVersions.EntityId(version.QuestionSet.Key, version.Number),
                $"Draft version {version.Number} of '{version.QuestionSet.Key}' saved: {DescribeChanges(diff)}");
        }
        return QuestionSetVersions.Summarize(version, await QuestionSetVersions.SourceNumberAsync(db, version, cancellationToken));
    }

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
