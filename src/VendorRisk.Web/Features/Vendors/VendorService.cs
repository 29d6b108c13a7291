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
    VendorRequestValidator validator,
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
        await currentUser.RequireAsync(Roles.Viewer, "read vendors", cancellationToken);
        if (skip < 0 || take < 1)
            throw new ValidationFailedException("page", "A page starts at 0 or later and holds at least one vendor.");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await VendorList.PageAsync(db, definitions, query, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), skip, take, cancellationToken);
    }

    /// <summary>Names of vendors whose name contains the text, for pickers (at most <paramref name="take"/>).</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> SearchNamesAsync(string? text, int take, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAsync(Roles.Viewer, "read vendors", cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var term = (text ?? "").Trim().ToUpperInvariant();
        var rows = await db.Vendors.AsNoTracking().Where(v => term == "" || v.NormalizedName.Contains(term))
            .OrderBy(v => v.NormalizedName).Take(take).Select(v => new { v.Id, v.Name }).ToListAsync(cancellationToken);
        return [.. rows.Select(r => (r.Id, r.Name))];
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

    public async Task<int> CreateAsync(VendorRequest request, CancellationToken cancellationToken = default)
    {
        var actor = await currentUser.RequireAsync(Roles.Assessor, "create vendors", cancellationToken);
        request = Clean(request);
        await ValidateAsync(request, null, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var vendor = new Vendor { CreatedAt = now };
        Apply(vendor, request, now);
        db.Vendors.Add(vendor);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await SaveUniqueAsync(db, cancellationToken);
        db.Audit(actor, "vendor-created", AuditEntityTypes.Vendor, vendor.Id, $"Vendor {vendor.Name} created", null, Snapshot(vendor));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return vendor.Id;
    }

    public async Task UpdateAsync(int id, VendorRequest request, int expectedVersion, CancellationToken cancellationToken = default)
    {
        var actor = await currentUser.RequireAsync(Roles.Assessor, "edit vendors", cancellationToken);
        request = Clean(request);
        await ValidateAsync(request, id, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var vendor = await FindAsync(db, id, cancellationToken);
        if (vendor.Version != expectedVersion)
            throw new ConflictException($"{vendor.Name} was changed by someone else since you opened it; reload and try again.", Snapshot(vendor));
        var before = Snapshot(vendor);
        Apply(vendor, request, clock.GetUtcNow().UtcDateTime);
        db.Audit(actor, "vendor-updated", AuditEntityTypes.Vendor, vendor.Id, $"Vendor {vendor.Name} updated", before, Snapshot(vendor));
        await SaveUniqueAsync(db, cancellationToken);
    }

    public Task ArchiveAsync(int id, CancellationToken cancellationToken = default) => SetArchivedAsync(id, true, cancellationToken);

    public Task UnarchiveAsync(int id, CancellationToken cancellationToken = default) => SetArchivedAsync(id, false, cancellationToken);

    public async Task DeleteAsync(int id, CancellationToken cancellationToken = default)
    {
        var actor = await currentUser.RequireAsync(Roles.Assessor, "delete vendors", cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var vendor = await FindAsync(db, id, cancellationToken);
        var count = await db.Assessments.CountAsync(a => a.VendorId == id, cancellationToken);
        if (count > 0)
        {
            throw new ConflictException(
                $"{vendor.Name} has {Plural.Count(count, "assessment")} and cannot be deleted: the assessment history must be kept. Archive the vendor instead.",
                new { assessments = count });
        }

        db.Audit(actor, "vendor-deleted", AuditEntityTypes.Vendor, vendor.Id, $"Vendor {vendor.Name} deleted", Snapshot(vendor), null);
        db.Vendors.Remove(vendor);
        await db.SaveChangesAsync(cancellationToken);
    }

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

    private async Task SetArchivedAsync(int id, bool archived, CancellationToken cancellationToken)
    {
        var actor = await currentUser.RequireAsync(Roles.Assessor, archived ? "archive vendors" : "restore vendors", cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var vendor = await FindAsync(db, id, cancellationToken);
        if (vendor.IsArchived == archived)
            return;
        db.Audit(actor, archived ? "vendor-archived" : "vendor-unarchived", AuditEntityTypes.Vendor, vendor.Id,
            $"Vendor {vendor.Name} {(archived ? "archived" : "restored")}", new { isArchived = !archived }, new { isArchived = archived });
        vendor.IsArchived = archived;
        vendor.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        vendor.Version++;
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task ValidateAsync(VendorRequest request, int? vendorId, CancellationToken cancellationToken)
    {
        var context = new ValidationContext<VendorRequest>(request);
        if (vendorId is { } id)
            context.RootContextData[VendorRequestValidator.VendorIdKey] = id;
        var result = await validator.ValidateAsync(context, cancellationToken);
        if (!result.IsValid)
        {
            throw new ValidationFailedException(result.Errors
                .GroupBy(e => e.PropertyName)
                .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray()));
        }
    }

    /// <summary>Two people creating the same name at once: the unique index decides, and the loser gets the same error as the validator gives.</summary>
    private static async Task SaveUniqueAsync(VendorRiskDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("The vendor was changed by someone else since you opened it; reload and try again.");
        }
        catch (DbUpdateException ex) when (DatabaseErrors.IsConstraintViolation(ex))
        {
            throw new ValidationFailedException("name", "A vendor with this name already exists.");
        }
    }

    private static VendorRequest Clean(VendorRequest r) => r with
    {
        Name = TextRules.CleanName(r.Name),
        Website = Blank(r.Website),
        HeadquartersCountry = Blank(r.HeadquartersCountry)?.ToUpperInvariant(),
        Jurisdictions = r.Jurisdictions?.Select(j => j.Trim().ToUpperInvariant()).Where(j => j.Length > 0).ToList() ?? null!,
        ParentCompany = Blank(TextRules.CleanName(r.ParentCompany)),
        Models = r.Models?.Select(TextRules.CleanName).ToList() ?? null!,
        OwnerId = Blank(r.OwnerId),
        Tags = r.Tags?.Select(TextRules.CleanName).ToList() ?? null!,
        Notes = Blank(r.Notes),
    };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static void Apply(Vendor vendor, VendorRequest r, DateTime now)
    {
        vendor.Name = r.Name;
        vendor.NormalizedName = Normalize(r.Name);
        vendor.Website = r.Website;
        vendor.HeadquartersCountry = r.HeadquartersCountry;
        vendor.Jurisdictions = r.Jurisdictions.ToList();
        vendor.ParentCompany = r.ParentCompany;
        vendor.Models = r.Models.ToList();
        vendor.Tier = r.Tier;
        vendor.OwnerId = r.OwnerId;
        vendor.Tags = r.Tags.ToList();
        vendor.Notes = r.Notes;
        vendor.UpdatedAt = now;
        vendor.Version++;
    }

    private static object Snapshot(Vendor v) => new
    {
        v.Name, v.Website, v.HeadquartersCountry, jurisdictions = v.Jurisdictions.ToList(), v.ParentCompany,
        models = v.Models.ToList(), v.Tier, v.OwnerId, tags = v.Tags.ToList(), v.Notes, v.IsArchived,
    };

    private static async Task<Vendor> FindAsync(VendorRiskDbContext db, int id, CancellationToken cancellationToken) =>
        await db.Vendors.SingleOrDefaultAsync(v => v.Id == id, cancellationToken) ?? throw new NotFoundException($"No vendor with id {id}.");

    private static async Task<Dictionary<string, string>> UserNamesAsync(VendorRiskDbContext db, IEnumerable<string?> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.OfType<string>().Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => wanted.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(cancellationToken);
        return users.ToDictionary(u => u.Id, u => string.IsNullOrWhiteSpace(u.DisplayName) ? u.Email ?? u.Id : u.DisplayName);
    }

    /// <summary>api.md latestRating: the most recently reviewed approved or approved-with-conditions assessment.</summary>
    internal static AssessmentSnapshot? LatestRated(IEnumerable<AssessmentSnapshot> assessments) =>
        assessments
            .Where(a => a.Status is AssessmentStatus.Approved or AssessmentStatus.ApprovedWithConditions)
            .OrderByDescending(a => a.ReviewedAt).ThenByDescending(a => a.Id)
            .FirstOrDefault();
}
