using System.Security.Cryptography;
using VendorRisk.Domain.EvidenceFiles;

namespace VendorRisk.Web.Features.EvidenceFiles;

public sealed class EvidenceFileOptions
{
    public const string Section = "VendorRisk:EvidenceFiles";

    /// <summary>The total size of the evidence files one assessment may hold.</summary>
    public long QuotaBytes { get; set; } = EvidenceLimits.DefaultQuotaBytes;
}

/// <summary>One file to store: where it goes, its name as sent, its bytes as a stream (read at most once).</summary>
public sealed record EvidenceUpload(int AssessmentId, string? QuestionKey, string? FileName, Stream Content, DateOnly? ValidUntil = null);

/// <summary>A file whose place, name, size and content were accepted, read whole, not yet stored.</summary>
public sealed record ReceivedEvidence(int AssessmentId, string? QuestionKey, [property: NotRequestText] string Name, string ContentType, byte[] Bytes, string Sha256, DateOnly? ValidUntil);

/// <summary>The stored file's metadata, as the API's 201 and the file lists show it.</summary>
public sealed record EvidenceFileInfo(
    int Id, int AssessmentId, string? QuestionKey, string Name, long Size, string ContentType, string Sha256,
    string UploadedByName, DateTime UploadedAt, DateOnly? ValidUntil);

/// <summary>
/// Stores an evidence file: refuses anything that is not a draft's, a known question's, or an accepted file, before a
/// byte is written. It checks no role: signed-in users upload through <see cref="AttachEvidenceFileHandler"/>, a portal
/// link through its own use case acting as the link's invitation; both add the file with <see cref="AttachAsync"/>.
/// </summary>
public sealed class EvidenceFileStore(
    IDbContextFactory<VendorRiskDbContext> dbFactory,
    QuestionSetDefinitions definitions,
    IOptions<EvidenceFileOptions> options)
{
    public const string FileField = "file";

    public static string TooLarge => $"The file is larger than {EvidenceLimits.MaxFileBytes / 1024 / 1024} MB, the most a file may be.";

    /// <summary>
    /// Checks where the file goes, its name and its bytes, reading the stream outside any transaction (an upload may be slow).
    /// </summary>
    public async Task<ReceivedEvidence> ReceiveAsync(EvidenceUpload upload, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var questionKey = string.IsNullOrWhiteSpace(upload.QuestionKey) ? null : upload.QuestionKey;
        await ThrowIfNotOpenAsync(upload.AssessmentId, questionKey, cancellationToken);
        var (name, nameError) = EvidenceFileName.Sanitise(upload.FileName);
        if (nameError is not null)
            throw RequestRefusals.One(FileField, nameError);
        var (bytes, sha256) = await ReadLimitedAsync(upload.Content, cancellationToken);
        var detection = EvidenceContentType.Detect(bytes, name!);
        if (detection.Error is not null)
            throw RequestRefusals.One(FileField, detection.Error);
        var stored = EvidenceContentType.StoredName(name!, detection.Kind!.Value);
        return new ReceivedEvidence(upload.AssessmentId, questionKey, stored, detection.ContentType, bytes, sha256, upload.ValidUntil);
    }

    /// <summary>Adds a received file inside the caller's transaction: the assessment still a draft, the quota kept. Saved, so it has its id.</summary>
    private async Task<EvidenceFile> AddAsync(VendorRiskDbContext db, ReceivedEvidence received, Actor uploader, DateTime now, string? quotaRefusal,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(received);
        ArgumentNullException.ThrowIfNull(uploader);
        await db.LockAssessmentAsync(received.AssessmentId, cancellationToken);
        // Again inside the transaction: the assessment may have been submitted while the bytes arrived.
        var status = await db.Assessments.Where(a => a.Id == received.AssessmentId).Select(a => (AssessmentStatus?)a.Status).SingleOrDefaultAsync(cancellationToken);
        ThrowIfNotDraft(received.AssessmentId, status);
        var used = await db.EvidenceFiles.Where(f => f.AssessmentId == received.AssessmentId).SumAsync(f => (long?)f.Size, cancellationToken) ?? 0;
        var quota = options.Value.QuotaBytes;
        if (used + received.Bytes.Length > quota)
            throw RequestRefusals.One(FileField, quotaRefusal ??
                $"This assessment's evidence files would take {Megabytes(used + received.Bytes.Length)}, over its quota of {Megabytes(quota)} ({Megabytes(used)} used); delete files it no longer needs.");

        var file = new EvidenceFile
        {
            AssessmentId = received.AssessmentId,
            QuestionKey = received.QuestionKey,
            Name = received.Name,
            ContentType = received.ContentType,
            Size = received.Bytes.Length,
            Sha256 = received.Sha256,
            UploadedById = uploader.UserId,
            UploadedByName = uploader.Name,
            UploadedAt = now,
            ValidUntil = received.ValidUntil,
            Content = new EvidenceFileContent { Bytes = received.Bytes },
        };
        db.EvidenceFiles.Add(file);
        await db.SaveChangesAsync(cancellationToken);
        return file;
    }

    /// <summary>Adds a received file in a use case's transaction, under its actor, and records it in the audit.</summary>
    /// <param name="quotaRefusal">
    /// What an uploader who may not see how much the assessment holds (a vendor) is told when the quota is full; null
    /// tells the figures.
    /// </param>
    public async Task<EvidenceFileInfo> AttachAsync(UseCaseContext context, ReceivedEvidence received, CancellationToken cancellationToken,
        string? quotaRefusal = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var file = await AddAsync(context.Db, received, context.Actor, context.Now, quotaRefusal, cancellationToken);
        context.Audit("evidence-file-uploaded", AuditEntityTypes.EvidenceFile, $"{file.AssessmentId}/{file.Id}",
            $"Evidence file '{file.Name}' ({Megabytes(file.Size)}, {file.ContentType}) attached to {(file.QuestionKey is null ? "the assessment" : $"question '{file.QuestionKey}'")}",
            null, Snapshot(file));
        return ToInfo(file);
    }

    internal static object Snapshot(EvidenceFile f) => new { f.Name, f.QuestionKey, f.ContentType, f.Size, f.Sha256, f.ValidUntil };

    internal static EvidenceFileInfo ToInfo(EvidenceFile f) => new(
        f.Id, f.AssessmentId, f.QuestionKey, f.Name, f.Size, f.ContentType, f.Sha256, f.UploadedByName,
        DateTime.SpecifyKind(f.UploadedAt, DateTimeKind.Utc), f.ValidUntil);

    internal static string Megabytes(long bytes) => $"{bytes / 1024d / 1024d:0.0} MB";

    internal static void ThrowIfNotDraft(int assessmentId, AssessmentStatus? status)
    {
        if (status is null)
            throw new NotFoundException($"No assessment with id {assessmentId}.");
        if (status != AssessmentStatus.Draft)
            throw new ConflictException($"This assessment is {KebabEnum.ToKebab(status.Value)}; evidence files change only on a draft.",
                new { status = KebabEnum.ToKebab(status.Value) });
    }

    private async Task ThrowIfNotOpenAsync(int assessmentId, string? questionKey, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var found = await db.Assessments.AsNoTracking().Where(a => a.Id == assessmentId)
            .Select(a => new { a.Status, a.QuestionSetVersion }).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException($"No assessment with id {assessmentId}.");
        if (questionKey is not null && definitions.Get(found.QuestionSetVersion).FindQuestion(questionKey) is null)
            throw new NotFoundException($"No question '{questionKey}' in this assessment's question set.");
        ThrowIfNotDraft(assessmentId, found.Status);
    }

    /// <summary>
    /// Reads at most one chunk over the limit, so an oversized upload is refused without buffering it whole. The chunks
    /// are joined once at the end: about twice the file's size at the peak, where a growing MemoryStream and its copy
    /// took up to three and a half times.
    /// </summary>
    private static async Task<(byte[] Bytes, string Sha256)> ReadLimitedAsync(Stream content, CancellationToken cancellationToken)
    {
        const int ChunkBytes = 81920;   // under the large-object heap's threshold
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var chunks = new List<(byte[] Bytes, int Length)>();
        long total = 0;
        while (true)
        {
            var chunk = new byte[ChunkBytes];
            var read = await content.ReadAtLeastAsync(chunk, ChunkBytes, throwOnEndOfStream: false, cancellationToken);
            if (read == 0)
                break;
            total += read;
            if (total > EvidenceLimits.MaxFileBytes)
                throw RequestRefusals.One(FileField, TooLarge);
            hash.AppendData(chunk, 0, read);
            chunks.Add((chunk, read));
            if (read < ChunkBytes)
                break;
        }
        var bytes = new byte[total];
        var offset = 0;
        foreach (var (chunk, length) in chunks)
        {
            chunk.AsSpan(0, length).CopyTo(bytes.AsSpan(offset));
            offset += length;
        }
        return (bytes, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }
}
