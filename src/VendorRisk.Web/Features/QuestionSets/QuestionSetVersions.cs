namespace VendorRisk.Web.Features.QuestionSets;

/// <summary>How stored versions are found, read, written and named, for the question-set reads and use cases alike.</summary>
internal static class QuestionSetVersions
{
    public static async Task<QuestionSetVersion> FindAsync(VendorRiskDbContext db, string key, int number,
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

    public static async Task<int?> SourceNumberAsync(VendorRiskDbContext db, QuestionSetVersion version, CancellationToken cancellationToken) =>
        version.SourceVersionId is { } id
            ? await db.QuestionSetVersions.Where(v => v.Id == id).Select(v => (int?)v.Number).SingleOrDefaultAsync(cancellationToken)
            : null;

    public static QuestionSetVersionSummary Summarize(QuestionSetVersion v, int? sourceNumber) =>
        new(v.Id, v.Number, v.Status, v.Title, v.SourceVersionId, sourceNumber, v.CreatedBy, v.CreatedAt, v.PublishedBy, v.PublishedAt, v.RetiredAt, v.UpdatedAt);

    /// <summary>Stored content was validated when it was written; a failure here means the database was edited by hand.</summary>
    public static QuestionSetDefinition ParseStored(string contentJson)
    {
        var parsed = QuestionSetFormat.Parse(contentJson);
        return parsed.Definition
            ?? throw new InvalidOperationException("A stored question-set version is not valid: " + string.Join("; ", parsed.Errors));
    }

    public static string Serialize(QuestionSetDefinition definition, int number) =>
        Encoding.UTF8.GetString(QuestionSetFormat.Export(definition, number));

    /// <summary>Format errors keyed by their <c>$.</c> paths, each message once.</summary>
    public static ValidationFailedException Invalid(IEnumerable<FormatError> errors) =>
        new(errors.GroupBy(e => e.Path, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).Distinct().ToArray(), StringComparer.Ordinal));

    public static string EntityId(string key, int number) => $"{key}/v{number}";
}
