using FluentValidation;

namespace VendorRisk.Web.Features.Vendors;

/// <summary>Vendors: Viewer reads, Assessor writes; every change is audited with its old and new values.</summary>
public sealed class VendorService(
    IDbContextFactory<VendorRiskDbContext> dbFactory,
    UseCasePipeline pipeline,
    AssessmentReader reader,
    QuestionSetDefinitions definitions,
    TimeProvider clock)
{
    /// <summary>The uniqueness key: the cleaned name (NFKC, no invisible characters) ignoring case.</summary>
    public static string Normalize(string name) => TextRules.CleanName(name).ToUpperInvariant();

    /// <summary>Every vendor the query matches, sorted (use <see cref="PageAsync"/> for a screen or an API page).</summary>
    public async Task<IReadOnlyList<VendorSummary>> ListAsync(VendorQuery query, CancellationToken cancellationToken = default) =>
        (await PageAsync(query, 0, int.MaxValue, cancellationToken)).Items;

    /// <summary>One page of the vendors the query matches, with the total; filtered, sorted and paged in the database.</summary>
    public async Task<VendorResults> PageAsync(VendorQuery query, int skip, int take, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await pipeline.AuthorizeAsync(new VendorPageQuery(skip, take), cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await VendorList.PageAsync(db, definitions, query, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), skip, take, cancellationToken);
    }

    /// <summary>Names of vendors whose name contains the text, for pickers (at most <paramref name="take"/>).</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> SearchNamesAsync(string? text, int take, CancellationToken cancellationToken = default)
    {
        await pipeline.AuthorizeAsync(new ReadVendors(), cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var term = (text ?? "").Trim().ToUpperInvariant();
        var rows = await db.Vendors.AsNoTracking().Where(v => term == "" || v.NormalizedName.Contains(term))
            .OrderBy(v => v.NormalizedName).Take(take).Select(v => new { v.Id, v.Name }).ToListAsync(cancellationToken);
        return [.. rows.Select(r => (r.Id, r.Name))];
    }

    public async Task<VendorDetails> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await pipeline.AuthorizeAsync(new ReadVendors(), cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var v = await db.Vendors.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, cancellationToken)
            ?? throw new NotFoundException($"No vendor with id {id}.");
        var owner = v.OwnerId is null ? null : (await UserNamesAsync(db, [v.OwnerId], cancellationToken)).GetValueOrDefault(v.OwnerId);
        var assessments = await reader.ListAsync(new AssessmentFilter(VendorId: id), cancellationToken);
        var rows = assessments
            .OrderByDescending(a => a.CreatedAt)
            .Select(HistoryRow)
            .ToList();
        var latest = LatestRated(assessments);
        return new VendorDetails(v.Id, v.Name, v.Website, v.HeadquartersCountry, v.Jurisdictions, v.ParentCompany, v.Models, v.Tier,
            v.OwnerId, owner, v.Tags, v.Notes, v.IsArchived, v.CreatedAt, v.UpdatedAt, v.Version, latest?.Score.Rating, rows);
    }

    /// <summary>An assessment of the vendor's history, its score as the screens show it (<see cref="ShownScore"/>).</summary>
    private static VendorAssessmentRow HistoryRow(AssessmentSnapshot a)
    {
        var shown = ShownScore.Of(a);
        return new VendorAssessmentRow(a.Id, a.Title, KebabEnum.ToKebab(a.Status), a.QuestionSet.Title, a.QuestionSetVersionNumber, a.CreatedAt,
            a.SubmittedAt, a.ReviewedAt, a.Score.Overall, a.Score.Rating, KnockoutName.Of(a.QuestionSet, shown.Knockouts), a.Score.Completeness, a.ModelName)
        {
            Accepted = a.Score.AcceptedKnockouts,
            Shown = shown,
        };
    }

    public Task<int> CreateAsync(VendorRequest request, CancellationToken cancellationToken = default) =>
        pipeline.RunAsync(new CreateVendorRequest(request), cancellationToken);

    public Task UpdateAsync(int id, VendorRequest request, int expectedVersion, CancellationToken cancellationToken = default) =>
        pipeline.RunAsync(new UpdateVendorRequest(id, request, expectedVersion), cancellationToken);

    public Task ArchiveAsync(int id, CancellationToken cancellationToken = default) => pipeline.RunAsync(new ArchiveVendorRequest(id), cancellationToken);

    public Task UnarchiveAsync(int id, CancellationToken cancellationToken = default) => pipeline.RunAsync(new RestoreVendorRequest(id), cancellationToken);

    public Task DeleteAsync(int id, CancellationToken cancellationToken = default) => pipeline.RunAsync(new DeleteVendorRequest(id), cancellationToken);

    /// <summary>Users who may own a vendor (any active user), for pickers.</summary>
    public async Task<IReadOnlyList<UserOption>> ListUsersAsync(CancellationToken cancellationToken = default)
    {
        await pipeline.AuthorizeAsync(new ListUserOptions(), cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var users = await db.Users.AsNoTracking().Where(u => !u.IsDisabled)
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.Role }).ToListAsync(cancellationToken);
        return users.Select(u => new UserOption(u.Id, ApplicationUser.ShownName(u.DisplayName, u.Email, u.Id), u.Role))
            .OrderBy(u => u.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>Every tag in use, for the filter.</summary>
    public async Task<IReadOnlyList<string>> ListTagsAsync(CancellationToken cancellationToken = default)
    {
        await pipeline.AuthorizeAsync(new ReadVendors(), cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var tags = await db.Vendors.AsNoTracking().Select(v => v.Tags).ToListAsync(cancellationToken);
        return tags.SelectMany(t => t).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList();
    }

    private static async Task<Dictionary<string, string>> UserNamesAsync(VendorRiskDbContext db, IEnumerable<string?> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.OfType<string>().Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => wanted.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(cancellationToken);
        return users.ToDictionary(u => u.Id, u => ApplicationUser.ShownName(u.DisplayName, u.Email, u.Id));
    }

    /// <summary>api.md latestRating: the most recently reviewed approved or approved-with-conditions assessment.</summary>
    internal static AssessmentSnapshot? LatestRated(IEnumerable<AssessmentSnapshot> assessments) =>
        assessments
            .Where(a => a.Status is AssessmentStatus.Approved or AssessmentStatus.ApprovedWithConditions)
            .OrderByDescending(a => a.ReviewedAt).ThenByDescending(a => a.Id)
            .FirstOrDefault();
}
