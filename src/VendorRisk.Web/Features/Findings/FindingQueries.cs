namespace VendorRisk.Web.Features.Findings;

/// <summary>A knockout acceptance on record, for the assessment page.</summary>
public sealed record AcceptanceRecord(int Id, string QuestionKey, string Justification, DateOnly Until, string AcceptedByName, DateTime AcceptedAt,
    string? RevokedByName, DateTime? RevokedAt);

/// <summary>The acceptance of one knockout's risk on record (not revoked), and whether it is in force today.</summary>
public sealed record CurrentAcceptance(string QuestionKey, string Justification, DateOnly Until, string AcceptedById, string AcceptedByName,
    DateTime AcceptedAt, bool InForce);

/// <summary>The read side of findings: the findings page, the API, the dashboard, the vendor and assessment pages, CSV.</summary>
public sealed class FindingQueries(
    IDbContextFactory<VendorRiskDbContext> dbFactory,
    UseCasePipeline pipeline,
    TimeProvider clock)
{
    public const int MaxPageSize = 200;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<FindingView?> FindAsync(int id, CancellationToken cancellationToken = default)
    {
        await pipeline.AuthorizeAsync(new ReadFindings(), cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await Project(db, db.Findings.Where(f => f.Id == id)).ToListAsync(cancellationToken);
        return (await WithOwnerNamesAsync(db, rows, cancellationToken)).SingleOrDefault();
    }

    public async Task<FindingPage> ListAsync(FindingQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await pipeline.AuthorizeAsync(new FindingPageQuery(query.Page, query.PageSize), cancellationToken);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var filtered = Filter(db.Findings.AsNoTracking(), query);
        var total = await filtered.CountAsync(cancellationToken);
        // Findings without a due date sort last either way.
        var ordered = query.Sort switch
        {
            FindingSort.DueDate => filtered.OrderBy(f => f.DueDate == null).ThenBy(f => f.DueDate).ThenBy(f => f.Id),
            FindingSort.DueDateDescending => filtered.OrderBy(f => f.DueDate == null).ThenByDescending(f => f.DueDate).ThenBy(f => f.Id),
            _ => filtered.OrderBy(f => f.Id),
        };
        var rows = await Project(db, ordered.Skip((int)Math.Min(int.MaxValue, ((long)query.Page - 1) * query.PageSize)).Take(query.PageSize)).ToListAsync(cancellationToken);
        return new FindingPage(await WithOwnerNamesAsync(db, rows, cancellationToken), total);
    }

    /// <summary>Open, overdue and soon-due counts of findings that are not closed, optionally of one owner or vendor.</summary>
    public async Task<FindingCounts> CountsAsync(string? ownerId = null, int? vendorId = null, CancellationToken cancellationToken = default)
    {
        await pipeline.AuthorizeAsync(new ReadFindings(), cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var open = Filter(db.Findings.AsNoTracking(), new FindingQuery { OwnerId = ownerId, VendorId = vendorId, OpenOnly = true });
        var today = Today;
        var soonLimit = today.AddDays(FindingLimits.SoonDueDays);
        return new FindingCounts(
            await open.CountAsync(cancellationToken),
            await open.CountAsync(f => f.DueDate < today, cancellationToken),
            await open.CountAsync(f => f.DueDate >= today && f.DueDate <= soonLimit, cancellationToken));
    }

    /// <summary>The findings and risk-acceptance history of a vendor's assessments, newest first.</summary>
    public async Task<IReadOnlyList<Audit.AuditRecord>> VendorHistoryAsync(int vendorId, CancellationToken cancellationToken = default)
    {
        await pipeline.AuthorizeAsync(new Shared.ReadHistory(), cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var prefixes = (await db.Assessments.AsNoTracking().Where(a => a.VendorId == vendorId).Select(a => a.Id).ToListAsync(cancellationToken))
            .Select(id => id.ToString(CultureInfo.InvariantCulture) + "/").ToList();
        if (prefixes.Count == 0)
            return [];
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(e => (e.EntityType == AuditEntityTypes.Finding || e.EntityType == AuditEntityTypes.RiskAcceptance) && e.EntityId != null)
            .OrderByDescending(e => e.Id).Take(5_000).Select(Audit.AuditRecord.FromEntry).ToListAsync(cancellationToken);
        return entries.Where(e => prefixes.Any(p => e.EntityId!.StartsWith(p, StringComparison.Ordinal))).Take(200).ToList();
    }

    /// <summary>Vendors that have findings, by name, for the vendor filter.</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> VendorsWithFindingsAsync(CancellationToken cancellationToken = default)
    {
        await pipeline.AuthorizeAsync(new ReadFindings(), cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var vendors = await db.Findings.AsNoTracking().Select(f => new { f.Assessment.VendorId, f.Assessment.Vendor.Name }).Distinct().ToListAsync(cancellationToken);
        return vendors.OrderBy(v => v.Name, StringComparer.OrdinalIgnoreCase).Select(v => (v.VendorId, v.Name)).ToList();
    }

    public async Task<IReadOnlyList<AcceptanceRecord>> AcceptancesAsync(int assessmentId, CancellationToken cancellationToken = default)
    {
        await pipeline.AuthorizeAsync(new ReadRiskAcceptances(), cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.RiskAcceptances.AsNoTracking().Where(r => r.AssessmentId == assessmentId).OrderByDescending(r => r.Id).ToListAsync(cancellationToken);
        var names = await NamesAsync(db, rows.SelectMany(r => new[] { r.AcceptedById, r.RevokedById }).OfType<string>(), cancellationToken);
        return rows.Select(r => new AcceptanceRecord(r.Id, r.QuestionKey, r.Justification, r.Until, names.GetValueOrDefault(r.AcceptedById, "unknown user"),
            r.AcceptedAt, r.RevokedById is null ? null : names.GetValueOrDefault(r.RevokedById, "unknown user"), r.RevokedAt)).ToList();
    }

    /// <summary>The acceptance of <paramref name="questionKey"/>'s risk that is not revoked (lapsed ones too); none: not found.</summary>
    public async Task<CurrentAcceptance> AcceptanceAsync(int assessmentId, string questionKey, CancellationToken cancellationToken = default)
    {
        await pipeline.AuthorizeAsync(new ReadRiskAcceptances(), cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Assessments.AnyAsync(a => a.Id == assessmentId, cancellationToken))
            throw new NotFoundException($"No assessment with id {assessmentId}.");
        var row = await db.RiskAcceptances.AsNoTracking()
            .Where(r => r.AssessmentId == assessmentId && r.QuestionKey == questionKey && r.RevokedAt == null)
            .OrderByDescending(r => r.Id).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException($"The knockout '{questionKey}' of assessment {assessmentId} has no acceptance on record (never accepted, or revoked).");
        var name = (await NamesAsync(db, [row.AcceptedById], cancellationToken)).GetValueOrDefault(row.AcceptedById, "unknown user");
        // In force by the scoring's own rule (scoring.md §4), the one the rating uses.
        var inForce = new KnockoutAcceptance(row.QuestionKey, row.AcceptedById, name, row.Until, row.RevokedAt is not null).IsInForce(Today);
        return new CurrentAcceptance(row.QuestionKey, row.Justification, row.Until, row.AcceptedById, name, row.AcceptedAt, inForce);
    }

    /// <summary>Every finding the query matches (all pages) as CSV, for spreadsheets.</summary>
    public async Task<byte[]> CsvAsync(FindingQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await pipeline.AuthorizeAsync(new ExportFindings(), cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var filtered = Filter(db.Findings.AsNoTracking(), query);
        var ordered = query.Sort == FindingSort.Id ? filtered.OrderBy(f => f.Id) : filtered.OrderBy(f => f.DueDate == null).ThenBy(f => f.DueDate).ThenBy(f => f.Id);
        var rows = await WithOwnerNamesAsync(db, await Project(db, ordered).ToListAsync(cancellationToken), cancellationToken);
        var today = Today;
        var csv = new StringBuilder();
        csv.Append("id,vendor,assessment id,assessment,question key,title,severity,status,condition,owner,due date,overdue,description\r\n");
        foreach (var f in rows)
        {
            csv.AppendJoin(',', new[]
            {
                f.Id.ToString(CultureInfo.InvariantCulture), Cell(f.VendorName), f.AssessmentId.ToString(CultureInfo.InvariantCulture), Cell(f.AssessmentTitle),
                Cell(f.QuestionKey), Cell(f.Title), KebabEnum.ToKebab(f.Severity), KebabEnum.ToKebab(f.Status), f.IsCondition ? "yes" : "no",
                Cell(f.OwnerName), f.DueDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", f.IsOverdue(today) ? "yes" : "no", Cell(f.Description),
            });
            csv.Append("\r\n");
        }
        return new UTF8Encoding(encoderShouldEmitUTF8Identifier: true).GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray();
    }

    /// <summary>Quotes every cell that needs it, and defuses spreadsheet formulas (a leading = + - @).</summary>
    private static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
            return "";
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
            value = "'" + value;
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private IQueryable<Finding> Filter(IQueryable<Finding> findings, FindingQuery query)
    {
        if (query.Status is { } status)
            findings = findings.Where(f => f.Status == status);
        if (query.Severity is { } severity)
            findings = findings.Where(f => f.Severity == severity);
        if (!string.IsNullOrEmpty(query.OwnerId))
            findings = findings.Where(f => f.OwnerId == query.OwnerId);
        if (query.VendorId is { } vendorId)
            findings = findings.Where(f => f.Assessment.VendorId == vendorId);
        if (query.AssessmentId is { } assessmentId)
            findings = findings.Where(f => f.AssessmentId == assessmentId);
        if (query.ConditionsOnly)
            findings = findings.Where(f => f.IsCondition);
        if (query.OpenOnly || query.OverdueOnly)
            findings = findings.Where(f => f.Status == FindingStatus.Open || f.Status == FindingStatus.InProgress);
        if (query.OverdueOnly)
        {
            var today = Today;
            findings = findings.Where(f => f.DueDate != null && f.DueDate < today);
        }
        return findings;
    }

    private static IQueryable<FindingView> Project(VendorRiskDbContext db, IQueryable<Finding> findings) => findings.Select(f => new FindingView(
        f.Id, f.AssessmentId, f.Assessment.Title, f.Assessment.VendorId, f.Assessment.Vendor.Name, f.QuestionKey, f.Title, f.Severity, f.Description,
        f.Status, f.OwnerId, null, f.DueDate, f.IsCondition, f.Justification, f.CreatedAt, f.UpdatedAt, f.Version));

    private static async Task<IReadOnlyList<FindingView>> WithOwnerNamesAsync(VendorRiskDbContext db, List<FindingView> rows, CancellationToken cancellationToken)
    {
        var names = await NamesAsync(db, rows.Select(r => r.OwnerId).OfType<string>(), cancellationToken);
        return rows.Select(r => r.OwnerId is null ? r : r with { OwnerName = names.GetValueOrDefault(r.OwnerId, "unknown user") }).ToList();
    }

    private static async Task<Dictionary<string, string>> NamesAsync(VendorRiskDbContext db, IEnumerable<string> ids, CancellationToken cancellationToken)
    {
        var list = ids.Distinct().ToList();
        return await db.Users.AsNoTracking().Where(u => list.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => ApplicationUser.ShownName(u.DisplayName, u.Email, u.Id), cancellationToken);
    }
}
