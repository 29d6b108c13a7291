using VendorRisk.Web.Features.Reports;

namespace VendorRisk.Web.Features.Dashboard;

public sealed record DashboardSummary(
    int VendorCount,
    int AssessmentCount,
    IReadOnlyList<RatingCount> RatingCounts,
    IReadOnlyList<StatusCount> StatusCounts,
    IReadOnlyList<HeatMap> HeatMaps,
    IReadOnlyList<ReassessmentDue> Reassessments,
    IReadOnlyList<DraftItem> MyDrafts,
    IReadOnlyList<RecentChange> RecentChanges,
    bool CanSeeAuditLog)
{
    /// <summary>
    /// Submitted assessments the reader may review, the longest waiting first: none for those who may not review, and
    /// never the reader's own.
    /// </summary>
    public IReadOnlyList<AwaitingReviewItem> AwaitingReview { get; init; } = [];

    /// <summary>Whether the reader may review, and so sees the queue at all.</summary>
    public bool CanReview { get; init; }
}

/// <param name="DaysWaiting">Whole days since it was submitted.</param>
public sealed record AwaitingReviewItem(int AssessmentId, string VendorName, string Title, double? Overall, string? Rating, string RatingColorHex, int DaysWaiting);

/// <param name="Label">The band label; null counts the assessments without a rating.</param>
public sealed record RatingCount(string? Label, int Count, string ColorHex);

public sealed record StatusCount(AssessmentStatus Status, int Count);

public sealed record HeatMap(string QuestionSetKey, string Title, IReadOnlyList<HeatColumn> Sections, IReadOnlyList<HeatRow> Rows);

public sealed record HeatColumn(string Key, string Title);

/// <param name="Scores">One per <see cref="HeatMap.Sections"/>; null where the section has no score or the version lacks it.</param>
/// <param name="Label">"Vendor · Model" when the row's assessment names an offering, else the vendor's name.</param>
public sealed record HeatRow(int VendorId, string VendorName, int AssessmentId, AssessmentStatus Status, double? Overall, string? Rating, string RatingColorHex, IReadOnlyList<double?> Scores,
    string Label)
{
    /// <summary>A vendor with nothing approved shows its latest assessment, perhaps an incomplete draft whose score is "so far".</summary>
    public bool Provisional { get; init; }
}

/// <param name="DaysLeft">Negative when overdue.</param>
/// <param name="InProgress">A newer assessment of the vendor on the same set is already under way.</param>
public sealed record ReassessmentDue(int AssessmentId, int VendorId, string VendorName, string Title, string? Rating, string RatingColorHex,
    DateOnly ReviewedOn, int IntervalDays, DateOnly DueOn, int DaysLeft, bool InProgress);

public sealed record DraftItem(int AssessmentId, string VendorName, string Title, double Completeness, DateOnly? DueDate, DateTime CreatedAt);

/// <param name="Link">The page of the changed vendor or assessment, when there is one.</param>
public sealed record RecentChange(DateTime At, string UserName, string Action, string EntityType, string? EntityId, string Summary, string? Link);

/// <summary>What the dashboard needs of one assessment: its stored score (ADR 0026), never its answers.</summary>
public sealed record DashboardRow(int Id, int VendorId, string VendorName, string? ModelName, string Title, AssessmentStatus Status, string AssessorId,
    DateOnly? DueDate, DateTime CreatedAt, DateTime? SubmittedAt, DateTime? ReviewedAt, QuestionSetDefinition QuestionSet, double? Overall, string? Rating,
    IReadOnlyList<double?> Sections, double Completeness, string? SubmittedById = null)
{
    public string Label => ModelOfferingLimits.Label(VendorName, ModelName);
}

/// <summary>The start page: the portfolio at a glance, from aggregate queries over stored scores.</summary>
public sealed class DashboardService(
    IDbContextFactory<VendorRiskDbContext> dbFactory,
    QuestionSetDefinitions definitions,
    UseCasePipeline pipeline,
    VendorRiskOptions options,
    TimeProvider clock)
{
    /// <summary>Reassessments due within this many days are listed with the overdue ones.</summary>
    public const int DueSoonDays = 30;
    public const int RecentChangeCount = 10;
    /// <summary>A heat map shows at most this many vendors of a set: the lowest scores, where attention is needed.</summary>
    public const int HeatMapRows = 50;
    public const int ListedItems = 20;

    public async Task<DashboardSummary> GetAsync(CancellationToken cancellationToken = default)
    {
        var actor = await pipeline.AuthorizeAsync(new ReadDashboard(), cancellationToken);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var vendorCount = await db.Vendors.CountAsync(v => !v.IsArchived, cancellationToken);
        var statusCounts = await db.Assessments.GroupBy(a => a.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var rows = await RowsAsync(db, today, cancellationToken);
        var changes = await db.AuditEntries.AsNoTracking()
            .Where(e => !e.IsSecurityEvent && (e.EntityType == AuditEntityTypes.Vendor || e.EntityType == AuditEntityTypes.Assessment))
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Take(RecentChangeCount)
            .ToListAsync(cancellationToken);

        return new DashboardSummary(
            vendorCount,
            statusCounts.Sum(c => c.Count),
            RatingCounts(rows),
            [.. statusCounts.OrderBy(c => c.Key).Select(c => new StatusCount(c.Key, c.Count))],
            HeatMaps(rows),
            [.. ReassessmentsDue(rows, today).Take(ListedItems)],
            [.. rows.Where(s => s.Status == AssessmentStatus.Draft && s.AssessorId == actor.UserId)
                .OrderByDescending(s => s.CreatedAt)
                .Take(ListedItems)
                .Select(s => new DraftItem(s.Id, s.Label, s.Title, s.Completeness, s.DueDate, s.CreatedAt))],
            [.. changes.Select(e => new RecentChange(e.At, e.UserName, e.Action, e.EntityType, e.EntityId, e.Summary, LinkOf(e)))],
            actor.Can(Roles.Admin))
        {
            CanReview = actor.Can(Roles.Reviewer),
            AwaitingReview = actor.Can(Roles.Reviewer) ? AwaitingReview(rows, actor.UserId, today) : [],
        };
    }

    /// <summary>The reader's own assessments and submissions are left out: another reviewer must review them (AssessmentWorkflow).</summary>
    private static List<AwaitingReviewItem> AwaitingReview(IReadOnlyList<DashboardRow> rows, string readerId, DateOnly today) =>
        [.. rows.Where(r => r.Status == AssessmentStatus.Submitted && r.AssessorId != readerId && r.SubmittedById != readerId)
            .OrderBy(r => r.SubmittedAt ?? r.CreatedAt).ThenBy(r => r.Id)
            .Take(ListedItems)
            .Select(r => new AwaitingReviewItem(r.Id, r.Label, r.Title, r.Overall, r.Rating, RatingColors.For(r.QuestionSet, r.Rating),
                Math.Max(0, today.DayNumber - DateOnly.FromDateTime(r.SubmittedAt ?? r.CreatedAt).DayNumber)))];

    private async Task<List<DashboardRow>> RowsAsync(VendorRiskDbContext db, DateOnly today, CancellationToken cancellationToken)
    {
        var rows = await db.Assessments.AsNoTracking().Select(a => new
        {
            a.Id, a.VendorId, VendorName = a.Vendor.Name, ModelName = a.ModelOffering == null ? null : a.ModelOffering.Name, a.Title, a.Status,
            a.AssessorId, a.SubmittedById, a.DueDate, a.CreatedAt, a.SubmittedAt, a.ReviewedAt, a.QuestionSetVersionId, a.ScoreOverall,
            Rating = a.ScoreRatingUntil != null && a.ScoreRatingUntil < today ? a.ScoreCappedRating : a.ScoreRating, a.ScoreSections, a.ScoreCompleteness,
        }).ToListAsync(cancellationToken);
        var versionIds = rows.Select(r => r.QuestionSetVersionId).Distinct().ToList();
        var versions = await db.QuestionSetVersions.AsNoTracking().Where(v => versionIds.Contains(v.Id)).ToListAsync(cancellationToken);
        var sets = versions.ToDictionary(v => v.Id, definitions.Get);
        return [.. rows.Select(r => new DashboardRow(r.Id, r.VendorId, r.VendorName, r.ModelName, r.Title, r.Status, r.AssessorId, r.DueDate, r.CreatedAt,
            r.SubmittedAt, r.ReviewedAt, sets[r.QuestionSetVersionId], r.ScoreOverall, r.Rating, r.ScoreSections ?? [], r.ScoreCompleteness, r.SubmittedById))];
    }

    public static string? LinkOf(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (!int.TryParse(entry.EntityId, out var id))
            return null;
        return entry.EntityType switch
        {
            AuditEntityTypes.Vendor => $"/vendors/{id}",
            AuditEntityTypes.Assessment => $"/assessments/{id}",
            _ => null,
        };
    }

    /// <summary>
    /// Each vendor's current decision: its most recently reviewed assessment, if that review approved it (with or without
    /// conditions). Drafts, assessments awaiting review and rejected ones are not a rating the buyer relies on.
    /// </summary>
    public static IReadOnlyList<DashboardRow> CurrentApproved(IReadOnlyList<DashboardRow> rows) =>
        [.. rows
            .Where(s => s.ReviewedAt is not null && s.Status is AssessmentStatus.Approved or AssessmentStatus.ApprovedWithConditions or AssessmentStatus.Rejected)
            .GroupBy(s => s.VendorId)
            .Select(g => g.OrderByDescending(s => s.ReviewedAt).ThenByDescending(s => s.Id).First())
            .Where(s => s.Status != AssessmentStatus.Rejected)];

    private static List<RatingCount> RatingCounts(IReadOnlyList<DashboardRow> all)
    {
        var rows = CurrentApproved(all);
        // Band labels in their ranked order, the best first; sets that share labels share a tile.
        var labels = new List<(string Label, string Color)>();
        foreach (var set in rows.Select(s => s.QuestionSet).DistinctBy(s => (s.Key, s.RatingBands.Count)))
        {
            for (var i = 0; i < set.RatingBands.Count; i++)
            {
                if (labels.All(l => l.Label != set.RatingBands[i].Label))
                    labels.Add((set.RatingBands[i].Label, RatingColors.ForRank(i, set.RatingBands.Count)));
            }
        }

        var counts = labels.Select(l => new RatingCount(l.Label, rows.Count(s => s.Rating == l.Label), l.Color)).ToList();
        var unrated = rows.Count(s => s.Rating is null);
        if (unrated > 0)
            counts.Add(new RatingCount(null, unrated, RatingColors.Unrated));
        return counts;
    }

    /// <summary>The assessment that stands for a vendor: its latest approved one, else its latest (as compare picks it).</summary>
    private static DashboardRow PreferredOf(IEnumerable<DashboardRow> vendorRows)
    {
        var list = vendorRows.ToList();
        var approved = list.Where(s => s.Status is AssessmentStatus.Approved or AssessmentStatus.ApprovedWithConditions)
            .OrderByDescending(s => s.ReviewedAt ?? s.SubmittedAt ?? s.CreatedAt).ThenByDescending(s => s.Id)
            .FirstOrDefault();
        return approved ?? list.OrderByDescending(s => s.ReviewedAt ?? s.SubmittedAt ?? s.CreatedAt).ThenByDescending(s => s.Id).First();
    }

    private static List<HeatMap> HeatMaps(IReadOnlyList<DashboardRow> rows) =>
        [.. rows.Where(s => s.Overall is not null)
            .GroupBy(s => s.QuestionSet.Key)
            .Select(set =>
            {
                var latest = set.GroupBy(s => s.VendorId).Select(PreferredOf)
                    .OrderBy(s => s.Overall).ThenBy(s => s.Id).Take(HeatMapRows)
                    .OrderBy(s => s.VendorName, StringComparer.CurrentCultureIgnoreCase).ToList();
                var columns = latest.SelectMany(s => s.QuestionSet.Sections)
                    .DistinctBy(s => s.Key).Select(s => new HeatColumn(s.Key, s.Title)).ToList();
                var heatRows = latest.Select(s =>
                {
                    var scores = s.QuestionSet.Sections.Select((section, i) => (section.Key, Score: i < s.Sections.Count ? s.Sections[i] : null))
                        .ToDictionary(x => x.Key, x => x.Score);
                    return new HeatRow(s.VendorId, s.VendorName, s.Id, s.Status, s.Overall, s.Rating,
                        RatingColors.For(s.QuestionSet, s.Rating), [.. columns.Select(c => scores.GetValueOrDefault(c.Key))], s.Label)
                    {
                        Provisional = ShownScore.IsProvisional(s.Status, s.Completeness),
                    };
                }).ToList();
                return new HeatMap(set.Key, latest[0].QuestionSet.Title, columns, heatRows);
            })
            .OrderBy(m => m.Title, StringComparer.CurrentCultureIgnoreCase)];

    /// <summary>The same rule over full snapshots (the reminder mails read them).</summary>
    public List<ReassessmentDue> ReassessmentsDue(IReadOnlyList<AssessmentSnapshot> snapshots, DateOnly today) =>
        ReassessmentsDue([.. snapshots.Select(s => new DashboardRow(s.Id, s.VendorId, s.VendorName, s.ModelName, s.Title, s.Status, s.AssessorId, s.DueDate,
            s.CreatedAt, s.SubmittedAt, s.ReviewedAt, s.QuestionSet, s.Score.Overall, s.Score.Rating, [.. s.Score.Sections.Select(x => x.Score)], s.Score.Completeness))], today);

    /// <summary>Each vendor's reassessment on each set that is overdue or due within <see cref="DueSoonDays"/> days (also the reminder mails' rule).</summary>
    public List<ReassessmentDue> ReassessmentsDue(IReadOnlyList<DashboardRow> rows, DateOnly today)
    {
        var due = new List<ReassessmentDue>();
        foreach (var group in rows.GroupBy(s => (s.VendorId, s.QuestionSet.Key)))
        {
            var reviewed = group
                .Where(s => s.Status is AssessmentStatus.Approved or AssessmentStatus.ApprovedWithConditions && s.ReviewedAt is not null)
                .OrderByDescending(s => s.ReviewedAt).ThenByDescending(s => s.Id)
                .FirstOrDefault();
            if (reviewed is null)
                continue;

            var interval = IntervalDays(RatingColors.RankFromWorst(reviewed.QuestionSet, reviewed.Rating));
            var reviewedOn = DateOnly.FromDateTime(reviewed.ReviewedAt!.Value);
            var dueOn = reviewedOn.AddDays(interval);
            var daysLeft = dueOn.DayNumber - today.DayNumber;
            if (daysLeft > DueSoonDays)
                continue;

            var inProgress = group.Any(s => s.Id != reviewed.Id && s.CreatedAt > reviewed.ReviewedAt
                && s.Status is AssessmentStatus.Draft or AssessmentStatus.Submitted);
            due.Add(new ReassessmentDue(reviewed.Id, reviewed.VendorId, reviewed.Label, reviewed.Title, reviewed.Rating,
                RatingColors.For(reviewed.QuestionSet, reviewed.Rating), reviewedOn, interval, dueOn, daysLeft, inProgress));
        }

        return [.. due.OrderBy(d => d.DueOn).ThenBy(d => d.VendorName, StringComparer.CurrentCultureIgnoreCase)];
    }

    /// <summary>Days between assessments by the rating's rank from the worst band (VendorRisk:ReassessmentDays); the last entry covers every better band.</summary>
    public int IntervalDays(int? rankFromWorst)
    {
        var days = options.ReassessmentDays is { Count: > 0 } configured ? configured : [90, 180, 365];
        // No rating (no score at all): treat it like the worst band.
        var rank = rankFromWorst ?? 0;
        return days[Math.Clamp(rank, 0, days.Count - 1)];
    }
}
