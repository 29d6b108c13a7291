namespace VendorRisk.Web.Features.Audit;

public sealed record AuditQuery(string? User = null, string? EntityType = null, string? EntityId = null, DateOnly? From = null, DateOnly? To = null, int Skip = 0, int Take = 50, string? Action = null);

public sealed record AuditResults(IReadOnlyList<AuditRecord> Entries, int Total);

public sealed class AuditService(IDbContextFactory<VendorRiskDbContext> dbFactory, UseCasePipeline pipeline)
{
    /// <summary>The whole log, security events included: Admins only.</summary>
    public async Task<AuditResults> SearchAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        await pipeline.AuthorizeAsync(new ReadAuditLog(), cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entries = Filter(db, query);
        var total = await entries.CountAsync(cancellationToken);
        var page = await entries.OrderByDescending(e => e.Id).Skip(Math.Max(0, query.Skip)).Take(Math.Clamp(query.Take, 1, 500)).Select(AuditRecord.FromEntry).ToListAsync(cancellationToken);
        return new AuditResults(page, total);
    }

    /// <summary>Every entry the filters match, newest first (the CSV export), up to <see cref="MaxExport"/>.</summary>
    public async Task<IReadOnlyList<AuditRecord>> ExportAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        await pipeline.AuthorizeAsync(new ExportAuditLog(), cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Filter(db, query).OrderByDescending(e => e.Id).Take(MaxExport).Select(AuditRecord.FromEntry).ToListAsync(cancellationToken);
    }

    public const int MaxExport = 100_000;

    /// <summary>The actions recorded so far, for the filter.</summary>
    public async Task<IReadOnlyList<string>> ActionsAsync(CancellationToken cancellationToken = default)
    {
        await pipeline.AuthorizeAsync(new ReadAuditLog(), cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.AuditEntries.AsNoTracking().Select(e => e.Action).Distinct().OrderBy(a => a).ToListAsync(cancellationToken);
    }

    private static IQueryable<AuditEntry> Filter(VendorRiskDbContext db, AuditQuery query)
    {
        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Action))
            entries = entries.Where(e => e.Action == query.Action);
        if (!string.IsNullOrWhiteSpace(query.User))
            entries = entries.Where(e => e.UserName.Contains(query.User) || e.UserId == query.User);
        if (!string.IsNullOrWhiteSpace(query.EntityType))
            entries = entries.Where(e => e.EntityType == query.EntityType);
        if (!string.IsNullOrWhiteSpace(query.EntityId))
            entries = entries.Where(e => e.EntityId == query.EntityId);
        if (query.From is { } from)
            entries = entries.Where(e => e.At >= from.ToDateTime(TimeOnly.MinValue));
        if (query.To is { } to)
            entries = entries.Where(e => e.At < to.AddDays(1).ToDateTime(TimeOnly.MinValue));
        return entries;
    }

    /// <summary>
    /// The history of one vendor, assessment or question set, for whoever may read it (Viewer and up),
    /// without security events. Answer changes belong to their assessment's history.
    /// </summary>
    public async Task<IReadOnlyList<AuditRecord>> HistoryAsync(string entityType, string entityId, CancellationToken cancellationToken = default)
    {
        await pipeline.AuthorizeAsync(new Shared.ReadHistory(), cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var types = entityType == AuditEntityTypes.Assessment
            ? new[] { AuditEntityTypes.Assessment, AuditEntityTypes.Answer, AuditEntityTypes.Finding, AuditEntityTypes.RiskAcceptance, AuditEntityTypes.EvidenceFile }
            : [entityType];
        return await db.AuditEntries.AsNoTracking()
            .Where(e => !e.IsSecurityEvent && types.Contains(e.EntityType) && (e.EntityId == entityId || e.EntityId!.StartsWith(entityId + "/")))
            .OrderByDescending(e => e.Id)
            .Take(500)
            .Select(AuditRecord.FromEntry)
            .ToListAsync(cancellationToken);
    }
}
