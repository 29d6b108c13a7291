namespace VendorRisk.Web.Features.EvidenceFiles;

/// <summary>A file to send: its bytes are loaded only here, for one download.</summary>
public sealed record EvidenceFileDownload(string Name, string ContentType, byte[] Content);

/// <summary>Evidence whose "valid until" has passed or falls within the window.</summary>
public sealed record ExpiringEvidence(int FileId, string Name, DateOnly ValidUntil, int AssessmentId, string AssessmentTitle, string VendorName, string? QuestionKey)
{
    public bool IsExpired(DateOnly today) => ValidUntil < today;
}

/// <summary>Reads evidence-file metadata (never the bytes, but for a download) for Viewers and up.</summary>
public sealed class EvidenceFileQueries(IDbContextFactory<VendorRiskDbContext> dbFactory, UseCasePipeline pipeline, TimeProvider clock)
{
    public const int ExpiringWithinDays = 30;

    /// <summary>The files of one assessment; with <paramref name="onlyQuestion"/> set, those of that question (null key: the assessment-wide ones).</summary>
    public async Task<IReadOnlyList<EvidenceFileInfo>> ListAsync(int assessmentId, bool onlyQuestion = false, string? questionKey = null,
        CancellationToken cancellationToken = default)
    {
        await pipeline.AuthorizeAsync(new ReadEvidenceFiles(), cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.EvidenceFiles.AsNoTracking().Where(f => f.AssessmentId == assessmentId);
        if (onlyQuestion)
            query = questionKey is null ? query.Where(f => f.QuestionKey == null) : query.Where(f => f.QuestionKey == questionKey);
        var rows = await query.OrderBy(f => f.Id).Select(f => new EvidenceFile
        {
            Id = f.Id, AssessmentId = f.AssessmentId, QuestionKey = f.QuestionKey, Name = f.Name, Size = f.Size, ContentType = f.ContentType,
            Sha256 = f.Sha256, UploadedByName = f.UploadedByName, UploadedAt = f.UploadedAt, ValidUntil = f.ValidUntil,
        }).ToListAsync(cancellationToken);
        return rows.Select(EvidenceFileStore.ToInfo).ToList();
    }

    /// <summary>How many files each question of the assessment has (questions without files are left out).</summary>
    public async Task<IReadOnlyDictionary<string, int>> CountsByQuestionAsync(int assessmentId, CancellationToken cancellationToken = default)
    {
        await pipeline.AuthorizeAsync(new ReadEvidenceFiles(), cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.EvidenceFiles.AsNoTracking().Where(f => f.AssessmentId == assessmentId && f.QuestionKey != null)
            .GroupBy(f => f.QuestionKey!).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, StringComparer.Ordinal, cancellationToken);
    }

    public async Task<EvidenceFileDownload> OpenAsync(int fileId, CancellationToken cancellationToken = default)
    {
        await pipeline.AuthorizeAsync(new DownloadEvidenceFiles(), cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var found = await db.EvidenceFiles.AsNoTracking().Where(f => f.Id == fileId)
            .Select(f => new { f.Name, f.ContentType, f.Content.Bytes }).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException($"No evidence file with id {fileId}.");
        return new EvidenceFileDownload(found.Name, found.ContentType, found.Bytes);
    }

    /// <summary>Expired evidence and evidence expiring within <see cref="ExpiringWithinDays"/> days, soonest first.</summary>
    public async Task<IReadOnlyList<ExpiringEvidence>> ExpiringAsync(int max = 20, CancellationToken cancellationToken = default)
    {
        await pipeline.AuthorizeAsync(new ReadEvidenceFiles(), cancellationToken);
        var horizon = Today.AddDays(ExpiringWithinDays);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.EvidenceFiles.AsNoTracking()
            .Where(f => f.ValidUntil != null && f.ValidUntil <= horizon)
            .OrderBy(f => f.ValidUntil).ThenBy(f => f.Id).Take(max)
            .Select(f => new ExpiringEvidence(f.Id, f.Name, f.ValidUntil!.Value, f.AssessmentId, f.Assessment.Title, f.Assessment.Vendor.Name, f.QuestionKey))
            .ToListAsync(cancellationToken);
    }

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
