using VendorRisk.Web.Features.Scores;

namespace VendorRisk.Web.Features.Vendors;

public sealed record VendorResults(IReadOnlyList<VendorSummary> Items, int Total);

/// <summary>
/// The vendor list as one database query: filters, the latest approved assessment's stored score (ADR 0026), sorting and
/// paging all run in SQL, so a page costs the same with ten vendors or ten thousand.
/// </summary>
internal static class VendorList
{
    // Initialised by name, not by constructor, so EF can sort and filter on its members after the projection.
    private sealed class Row
    {
        public int Id { get; init; }
        public string Name { get; init; } = "";
        public string NormalizedName { get; init; } = "";
        public string? Website { get; init; }
        public string? HeadquartersCountry { get; init; }
        public int? Tier { get; init; }
        public List<string> Tags { get; init; } = [];
        public bool IsArchived { get; init; }
        public string? OwnerId { get; init; }
        public int Version { get; init; }
        public int AssessmentCount { get; init; }
        public int? LatestAssessmentId { get; init; }
        public int? LatestVersionId { get; init; }
        public double? LatestScore { get; init; }
        public string? LatestRating { get; init; }
        public List<string>? LatestKnockouts { get; init; }
    }

    public static async Task<VendorResults> PageAsync(VendorRiskDbContext db, QuestionSetDefinitions definitions, VendorQuery query, DateOnly today,
        int skip, int take, CancellationToken cancellationToken)
    {
        var rows = Filter(Project(Vendors(db, query), today), query);
        var total = await rows.CountAsync(cancellationToken);
        var page = await Sort(rows, query).Skip(skip).Take(take).ToListAsync(cancellationToken);

        // The knockouts of the latest rating whose risk is accepted today are listed as accepted beside it (scoring.md §4).
        var latestIds = page.Where(r => r.LatestKnockouts is { Count: > 0 }).Select(r => r.LatestAssessmentId).OfType<int>().ToList();
        var accepted = await KnockoutAcceptanceReads.InForceAsync(db, latestIds, today, cancellationToken);
        var userIds = page.Select(r => r.OwnerId).OfType<string>().Concat(accepted.SelectMany(g => g).Select(r => r.AcceptedById)).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, u.Email }).ToDictionaryAsync(u => u.Id, u => ApplicationUser.ShownName(u.DisplayName, u.Email, u.Id), cancellationToken);
        var versionIds = page.Select(r => r.LatestVersionId).OfType<int>().Distinct().ToList();
        var versions = await db.QuestionSetVersions.AsNoTracking().Where(v => versionIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id, cancellationToken);
        return new VendorResults([.. page.Select(r => new VendorSummary(r.Id, r.Name, r.Website, r.HeadquartersCountry, r.Tier, r.Tags, r.IsArchived,
            r.OwnerId is null ? null : names.GetValueOrDefault(r.OwnerId), r.LatestRating, r.LatestScore,
            r.LatestVersionId is { } versionId && r.LatestKnockouts is { Count: > 0 } keys ? KnockoutName.Of(definitions.Get(versions[versionId]), keys) : [],
            r.AssessmentCount, r.Version)
        {
            LatestAccepted = r.LatestAssessmentId is { } latestId
                ? [.. accepted[latestId].Where(a => r.LatestKnockouts!.Contains(a.QuestionKey)).Select(a => a.Named(names))]
                : [],
        })], total);
    }

    private static IQueryable<Vendor> Vendors(VendorRiskDbContext db, VendorQuery query)
    {
        var vendors = db.Vendors.AsNoTracking();
        if (!query.IncludeArchived)
            vendors = vendors.Where(v => v.IsArchived == (query.Archived ?? false));
        if (query.Tier is { } tier)
            vendors = vendors.Where(v => v.Tier == tier);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim().ToUpperInvariant();
            vendors = vendors.Where(v => v.NormalizedName.Contains(term) || (v.Website != null && v.Website.ToUpper().Contains(term))
                || v.Tags.Any(t => t.ToUpper().Contains(term)));
        }
        if (!string.IsNullOrWhiteSpace(query.Tag))
        {
            var tag = query.Tag.Trim().ToUpperInvariant();
            vendors = vendors.Where(v => v.Tags.Any(t => t.ToUpper() == tag));
        }
        return vendors;
    }

    /// <summary>api.md latestRating: the most recently reviewed approved or approved-with-conditions assessment, its rating judged today.</summary>
    private static IQueryable<Row> Project(IQueryable<Vendor> vendors, DateOnly today) =>
        from v in vendors
        let latest = v.Assessments
            .Where(a => a.Status == AssessmentStatus.Approved || a.Status == AssessmentStatus.ApprovedWithConditions)
            .OrderByDescending(a => a.ReviewedAt).ThenByDescending(a => a.Id)
            .Select(a => new
            {
                a.Id,
                a.QuestionSetVersionId,
                a.ScoreOverall,
                Rating = a.ScoreRatingUntil != null && a.ScoreRatingUntil < today ? a.ScoreCappedRating : a.ScoreRating,
                a.ScoreKnockouts,
            })
            .FirstOrDefault()
        select new Row
        {
            Id = v.Id, Name = v.Name, NormalizedName = v.NormalizedName, Website = v.Website, HeadquartersCountry = v.HeadquartersCountry, Tier = v.Tier,
            Tags = v.Tags, IsArchived = v.IsArchived, OwnerId = v.OwnerId, Version = v.Version, AssessmentCount = v.Assessments.Count,
            LatestAssessmentId = latest == null ? null : latest.Id, LatestVersionId = latest == null ? null : latest.QuestionSetVersionId, LatestScore = latest == null ? null : latest.ScoreOverall,
            LatestRating = latest == null ? null : latest.Rating, LatestKnockouts = latest == null ? null : latest.ScoreKnockouts,
        };

    private static IQueryable<Row> Filter(IQueryable<Row> rows, VendorQuery query)
    {
        if (string.IsNullOrWhiteSpace(query.Rating))
            return rows;
        var rating = query.Rating.Trim().ToUpperInvariant();
        return rows.Where(r => r.LatestRating != null && r.LatestRating.ToUpper() == rating);
    }

    private static IQueryable<Row> Sort(IQueryable<Row> rows, VendorQuery query)
    {
        var sorted = query.Sort switch
        {
            VendorSort.Tier => query.Descending ? rows.OrderByDescending(r => r.Tier ?? 99) : rows.OrderBy(r => r.Tier ?? 99),
            // Vendors without a rating sort last.
            VendorSort.Rating => query.Descending ? rows.OrderByDescending(r => r.LatestRating ?? "\uffff") : rows.OrderBy(r => r.LatestRating ?? "\uffff"),
            VendorSort.LatestScore => query.Descending ? rows.OrderByDescending(r => r.LatestScore ?? -1) : rows.OrderBy(r => r.LatestScore ?? -1),
            VendorSort.Id => query.Descending ? rows.OrderByDescending(r => r.Id) : rows.OrderBy(r => r.Id),
            VendorSort.AssessmentCount => query.Descending ? rows.OrderByDescending(r => r.AssessmentCount) : rows.OrderBy(r => r.AssessmentCount),
            _ => query.Descending ? rows.OrderByDescending(r => r.NormalizedName) : rows.OrderBy(r => r.NormalizedName),
        };
        return sorted.ThenBy(r => r.NormalizedName).ThenBy(r => r.Id);
    }
}
