using FluentValidation;
using Microsoft.EntityFrameworkCore;
using VendorRisk.Data;
using VendorRisk.Data.Entities;
using VendorRisk.Domain.Assessments;
using VendorRisk.Domain.Common;
using VendorRisk.Web.Features.Shared;
using VendorRisk.Web.Infrastructure;

namespace VendorRisk.Web.Features.Vendors;

/// <summary>Vendors: Viewer reads, Assessor writes; every change is audited with its old and new values.</summary>
public sealed class VendorService(
    IDbContextFactory<VendorRiskDbContext> dbFactory,
    ICurrentUser currentUser,
    UseCasePipeline pipeline,
    AssessmentReader reader)
{
    /// <summary>The uniqueness key: the cleaned name (NFKC, no invisible characters) ignoring case.</summary>
    public static string Normalize(string name) => TextRules.CleanName(name).ToUpperInvariant();

    public async Task<IReadOnlyList<VendorSummary>> ListAsync(VendorQuery query, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAsync(Roles.Viewer, "read vendors", cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var vendors = db.Vendors.AsNoTracking();
        if (!query.IncludeArchived)
            vendors = vendors.Where(v => v.IsArchived == (query.Archived ?? false));
        if (query.Tier is { } tier)
            vendors = vendors.Where(v => v.Tier == tier);
        var rows = await vendors
            .Select(v => new { Vendor = v, Count = v.Assessments.Count })
            .ToListAsync(cancellationToken);
        var owners = await UserNamesAsync(db, rows.Select(r => r.Vendor.OwnerId), cancellationToken);
        var latest = await LatestRatedAsync(null, cancellationToken);

        var summaries = rows.Select(r =>
        {
            var v = r.Vendor;
            var rated = latest.GetValueOrDefault(v.Id);
            return new VendorSummary(v.Id, v.Name, v.Website, v.HeadquartersCountry, v.Tier, v.Tags, v.IsArchived,
                v.OwnerId is null ? null : owners.GetValueOrDefault(v.OwnerId),
                rated?.Score.Rating, rated?.Score.Overall, rated is null ? [] : KnockoutName.Of(rated.QuestionSet, rated.Score.Knockouts), r.Count, v.Version);
        });

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim();
            summaries = summaries.Where(s => s.Name.Contains(term, StringComparison.OrdinalIgnoreCase)
                || (s.Website?.Contains(term, StringComparison.OrdinalIgnoreCase) ?? false)
                || s.Tags.Any(t => t.Contains(term, StringComparison.OrdinalIgnoreCase)));
        }
        if (!string.IsNullOrWhiteSpace(query.Rating))
            summaries = summaries.Where(s => string.Equals(s.LatestRating, query.Rating, StringComparison.OrdinalIgnoreCase));
        if (!string.IsNullOrWhiteSpace(query.Tag))
            summaries = summaries.Where(s => s.Tags.Contains(query.Tag.Trim(), StringComparer.OrdinalIgnoreCase));

        summaries = query.Sort switch
        {
            VendorSort.Tier => Order(summaries, s => s.Tier ?? 99, query.Descending),
            VendorSort.Rating => Order(summaries, s => s.LatestRating ?? "\uffff", query.Descending),
            VendorSort.LatestScore => Order(summaries, s => s.LatestScore ?? -1, query.Descending),
            VendorSort.AssessmentCount => Order(summaries, s => s.AssessmentCount, query.Descending),
            _ => Order(summaries, s => s.Name.ToUpperInvariant(), query.Descending),
        };
        return summaries.ToList();
    }

    public async Task<VendorDetails> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAsync(Roles.Viewer, "read vendors", cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var v = await db.Vendors.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, cancellationToken)
            ?? throw new NotFoundException($"No vendor with id {id}.");
        var owner = v.OwnerId is null ? null : (await UserNamesAsync(db, [v.OwnerId], cancellationToken)).GetValueOrDefault(v.OwnerId);
        var assessments = await reader.ListAsync(new AssessmentFilter(VendorId: id), cancellationToken);
        var rows = assessments
            .OrderByDescending(a => a.CreatedAt)
            .Select(a => new VendorAssessmentRow(a.Id, a.Title, KebabEnum.ToKebab(a.Status), a.QuestionSet.Title, a.QuestionSetVersionNumber,
                a.CreatedAt, a.SubmittedAt, a.ReviewedAt, a.Score.Overall, a.Score.Rating, KnockoutName.Of(a.QuestionSet, a.Score.Knockouts), a.Score.Completeness, a.ModelName))
            .ToList();
        var latest = LatestRated(assessments);
        return new VendorDetails(v.Id, v.Name, v.Website, v.HeadquartersCountry, v.Jurisdictions, v.ParentCompany, v.Models, v.Tier,
            v.OwnerId, owner, v.Tags, v.Notes, v.IsArchived, v.CreatedAt, v.UpdatedAt, v.Version, latest?.Score.Rating, rows);
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
        await currentUser.RequireAsync(Roles.Viewer, "list users", cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var users = await db.Users.AsNoTracking().Where(u => !u.IsDisabled)
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.Role }).ToListAsync(cancellationToken);
        return users.Select(u => new UserOption(u.Id, string.IsNullOrWhiteSpace(u.DisplayName) ? u.Email ?? u.Id : u.DisplayName, u.Role))
            .OrderBy(u => u.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>Every tag in use, for the filter.</summary>
    public async Task<IReadOnlyList<string>> ListTagsAsync(CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAsync(Roles.Viewer, "read vendors", cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var tags = await db.Vendors.AsNoTracking().Select(v => v.Tags).ToListAsync(cancellationToken);
        return tags.SelectMany(t => t).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList();
    }

    private static async Task<Dictionary<string, string>> UserNamesAsync(VendorRiskDbContext db, IEnumerable<string?> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.OfType<string>().Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => wanted.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(cancellationToken);
        return users.ToDictionary(u => u.Id, u => string.IsNullOrWhiteSpace(u.DisplayName) ? u.Email ?? u.Id : u.DisplayName);
    }

    private async Task<Dictionary<int, AssessmentSnapshot>> LatestRatedAsync(int? vendorId, CancellationToken cancellationToken)
    {
        var approved = await reader.ListAsync(new AssessmentFilter(VendorId: vendorId, Status: AssessmentStatus.Approved), cancellationToken);
        var conditional = await reader.ListAsync(new AssessmentFilter(VendorId: vendorId, Status: AssessmentStatus.ApprovedWithConditions), cancellationToken);
        return approved.Concat(conditional).GroupBy(a => a.VendorId).ToDictionary(g => g.Key, g => LatestRated(g)!);
    }

    /// <summary>api.md latestRating: the most recently reviewed approved or approved-with-conditions assessment.</summary>
    internal static AssessmentSnapshot? LatestRated(IEnumerable<AssessmentSnapshot> assessments) =>
        assessments
            .Where(a => a.Status is AssessmentStatus.Approved or AssessmentStatus.ApprovedWithConditions)
            .OrderByDescending(a => a.ReviewedAt).ThenByDescending(a => a.Id)
            .FirstOrDefault();

    private static IEnumerable<VendorSummary> Order<TKey>(IEnumerable<VendorSummary> items, Func<VendorSummary, TKey> key, bool descending) =>
        (descending ? items.OrderByDescending(key) : items.OrderBy(key)).ThenBy(s => s.Name, StringComparer.OrdinalIgnoreCase);
}
