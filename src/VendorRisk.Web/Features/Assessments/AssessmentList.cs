using VendorRisk.Web.Features.Scores;

namespace VendorRisk.Web.Features.Assessments;

public enum AssessmentSort
{
    Created,
    Title,
    Vendor,
    Status,
    Score,
    Completeness,
    Due,
}

/// <param name="Rating">The rating that applies today (a band label), or "none" for assessments without one.</param>
public sealed record AssessmentListQuery(
    AssessmentStatus? Status = null,
    int? VendorId = null,
    string? AssessorId = null,
    string? Rating = null,
    AssessmentSort Sort = AssessmentSort.Created,
    bool Descending = true);

/// <param name="Shown">What the screens show of the score (a draft's unanswered knockouts are not named yet).</param>
/// <param name="Accepted">The knockouts whose risk is accepted today, with who accepted it and until when (scoring.md §4).</param>
public sealed record AssessmentListRow(int Id, string Title, string Label, int VendorId, AssessmentStatus Status, ShownScore Shown,
    IReadOnlyList<KnockoutName> Knockouts, double Completeness, string AssessorName, DateOnly? DueDate, DateTime CreatedAt,
    IReadOnlyList<KnockoutAcceptance> Accepted);

public sealed record AssessmentListPage(IReadOnlyList<AssessmentListRow> Items, int Total);

/// <summary>The assessments list: filtered, sorted and paged in the database over the stored scores (ADR 0026).</summary>
public sealed class AssessmentList(
    IDbContextFactory<VendorRiskDbContext> dbFactory,
    QuestionSetDefinitions definitions,
    UseCasePipeline pipeline,
    TimeProvider clock)
{
    public const int MaxPageSize = 200;

    public async Task<AssessmentListPage> PageAsync(AssessmentListQuery query, int skip, int take, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await pipeline.AuthorizeAsync(new AssessmentPageQuery(skip, take), cancellationToken);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var filtered = Filter(db.Assessments.AsNoTracking(), query, today);
        var total = await filtered.CountAsync(cancellationToken);
        var page = await Sort(filtered, query).Skip(skip).Take(take).Select(a => new
        {
            a.Id, a.Title, a.VendorId, VendorName = a.Vendor.Name, ModelName = a.ModelOffering == null ? null : a.ModelOffering.Name, a.Status,
            a.ScoreOverall, Rating = a.ScoreRatingUntil != null && a.ScoreRatingUntil < today ? a.ScoreCappedRating : a.ScoreRating,
            a.ScoreBandRating, a.ScoreKnockouts, a.ScoreCompleteness, a.AssessorId, a.DueDate, a.CreatedAt, a.QuestionSetVersionId,
        }).ToListAsync(cancellationToken);

        var ids = page.Select(a => a.Id).ToList();
        var answered = (await db.Answers.AsNoTracking()
            // Answered as ShownScore.Answers counts it: a value or N/A, not a note or evidence alone.
            .Where(a => ids.Contains(a.AssessmentId) && (a.NotApplicable || a.Choice != null || a.Choices != null || a.Number != null || a.Text != null)).Select(a => new { a.AssessmentId, a.QuestionKey })
            .ToListAsync(cancellationToken)).ToLookup(a => a.AssessmentId, a => a.QuestionKey);
        var acceptances = await KnockoutAcceptanceReads.InForceAsync(db, ids, today, cancellationToken);
        var userIds = page.Select(a => a.AssessorId).Concat(acceptances.SelectMany(g => g).Select(r => r.AcceptedById)).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.Email })
            .ToDictionaryAsync(u => u.Id, u => ApplicationUser.ShownName(u.DisplayName, u.Email, u.Id), cancellationToken);
        var versionIds = page.Select(a => a.QuestionSetVersionId).Distinct().ToList();
        var versions = await db.QuestionSetVersions.AsNoTracking().Where(v => versionIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id, cancellationToken);

        return new AssessmentListPage([.. page.Select(a =>
        {
            var score = new AssessmentScore(a.ScoreOverall, a.Rating, a.ScoreBandRating, a.ScoreKnockouts ?? [], a.ScoreCompleteness, null, [], [])
            {
                AcceptedKnockouts = [.. acceptances[a.Id].Select(r => r.Named(names))],
            };
            var shown = ShownScore.Of(a.Status, answered[a.Id], score);
            return new AssessmentListRow(a.Id, a.Title, ModelOfferingLimits.Label(a.VendorName, a.ModelName), a.VendorId, a.Status, shown,
                KnockoutName.Of(definitions.Get(versions[a.QuestionSetVersionId]), shown.Knockouts), a.ScoreCompleteness,
                names.GetValueOrDefault(a.AssessorId, "unknown user"), a.DueDate, a.CreatedAt, score.AcceptedKnockouts);
        })], total);
    }

    private static IQueryable<Assessment> Filter(IQueryable<Assessment> assessments, AssessmentListQuery query, DateOnly today)
    {
        if (query.Status is { } status)
            assessments = assessments.Where(a => a.Status == status);
        if (query.VendorId is { } vendorId)
            assessments = assessments.Where(a => a.VendorId == vendorId);
        if (!string.IsNullOrEmpty(query.AssessorId))
            assessments = assessments.Where(a => a.AssessorId == query.AssessorId);
        if (string.Equals(query.Rating, "none", StringComparison.OrdinalIgnoreCase))
            assessments = assessments.Where(a => (a.ScoreRatingUntil != null && a.ScoreRatingUntil < today ? a.ScoreCappedRating : a.ScoreRating) == null);
        else if (!string.IsNullOrWhiteSpace(query.Rating))
        {
            var rating = query.Rating.Trim().ToUpperInvariant();
            assessments = assessments.Where(a => (a.ScoreRatingUntil != null && a.ScoreRatingUntil < today ? a.ScoreCappedRating : a.ScoreRating)!.ToUpper() == rating);
        }
        return assessments;
    }

    private static IQueryable<Assessment> Sort(IQueryable<Assessment> assessments, AssessmentListQuery query)
    {
        var d = query.Descending;
        var sorted = query.Sort switch
        {
            AssessmentSort.Title => d ? assessments.OrderByDescending(a => a.Title) : assessments.OrderBy(a => a.Title),
            AssessmentSort.Vendor => d ? assessments.OrderByDescending(a => a.Vendor.NormalizedName) : assessments.OrderBy(a => a.Vendor.NormalizedName),
            AssessmentSort.Status => d ? assessments.OrderByDescending(a => a.Status) : assessments.OrderBy(a => a.Status),
            AssessmentSort.Score => d ? assessments.OrderByDescending(a => a.ScoreOverall ?? -1) : assessments.OrderBy(a => a.ScoreOverall ?? -1),
            AssessmentSort.Completeness => d ? assessments.OrderByDescending(a => a.ScoreCompleteness) : assessments.OrderBy(a => a.ScoreCompleteness),
            AssessmentSort.Due => d ? assessments.OrderByDescending(a => a.DueDate) : assessments.OrderBy(a => a.DueDate),
            _ => d ? assessments.OrderByDescending(a => a.CreatedAt) : assessments.OrderBy(a => a.CreatedAt),
        };
        return d ? sorted.ThenByDescending(a => a.Id) : sorted.ThenBy(a => a.Id);
    }
}
