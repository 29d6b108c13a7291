using Microsoft.EntityFrameworkCore;
using VendorRisk.Data;
using VendorRisk.Data.Entities;
using VendorRisk.Domain.Common;
using VendorRisk.Domain.Models;
using VendorRisk.Web.Infrastructure;

namespace VendorRisk.Web.Features.ModelOfferings;

/// <summary>A vendor's model offerings: listed by anyone, created and changed by assessors, every change audited.</summary>
public sealed class ModelOfferingService(
    IDbContextFactory<VendorRiskDbContext> dbFactory,
    ICurrentUser currentUser,
    TimeProvider clock)
{
    public const string EntityType = "model-offering";
    private static readonly ModelOfferingRequestValidator Validator = new();

    /// <summary>The vendor's offerings by name.</summary>
    public async Task<IReadOnlyList<ModelOfferingInfo>> ListAsync(int vendorId, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAsync(Roles.Viewer, "read model offerings", cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Vendors.AnyAsync(v => v.Id == vendorId, cancellationToken))
            throw new NotFoundException($"No vendor with id {vendorId}.");
        var rows = await db.ModelOfferings.AsNoTracking().Where(o => o.VendorId == vendorId).ToListAsync(cancellationToken);
        return [.. rows.OrderBy(o => o.Name, StringComparer.CurrentCultureIgnoreCase).ThenBy(o => o.Id).Select(ToInfo)];
    }

    public async Task<ModelOfferingInfo> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAsync(Roles.Viewer, "read model offerings", cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var offering = await db.ModelOfferings.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, cancellationToken)
            ?? throw new NotFoundException($"No model offering with id {id}.");
        return ToInfo(offering);
    }

    public async Task<ModelOfferingInfo> CreateAsync(int vendorId, ModelOfferingRequest request, CancellationToken cancellationToken = default)
    {
        var actor = await currentUser.RequireAsync(Roles.Assessor, "create model offerings", cancellationToken);
        ArgumentNullException.ThrowIfNull(request);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var vendor = await db.Vendors.SingleOrDefaultAsync(v => v.Id == vendorId, cancellationToken)
            ?? throw new NotFoundException($"No vendor with id {vendorId}.");
        var clean = await ValidateAsync(db, vendorId, null, request, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var offering = new ModelOffering { VendorId = vendorId, CreatedAt = now };
        Apply(offering, clean, now);
        db.ModelOfferings.Add(offering);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await SaveUniqueAsync(db, cancellationToken);
        db.Audit(actor, "model-offering-created", EntityType, offering.Id, $"Model offering {vendor.Name} · {offering.Name} created", null, Snapshot(offering));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ToInfo(offering);
    }

    public async Task<ModelOfferingInfo> UpdateAsync(int id, ModelOfferingRequest request, int expectedVersion, CancellationToken cancellationToken = default)
    {
        var actor = await currentUser.RequireAsync(Roles.Assessor, "edit model offerings", cancellationToken);
        ArgumentNullException.ThrowIfNull(request);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var offering = await db.ModelOfferings.Include(o => o.Vendor).SingleOrDefaultAsync(o => o.Id == id, cancellationToken)
            ?? throw new NotFoundException($"No model offering with id {id}.");
        if (offering.Version != expectedVersion)
            throw new ConflictException($"{offering.Name} was changed by someone else since you opened it; reload and try again.", Snapshot(offering));
        var clean = await ValidateAsync(db, offering.VendorId, id, request, cancellationToken);
        var before = Snapshot(offering);
        Apply(offering, clean, clock.GetUtcNow().UtcDateTime);
        db.Audit(actor, "model-offering-updated", EntityType, offering.Id, $"Model offering {offering.Vendor.Name} · {offering.Name} updated", before, Snapshot(offering));
        await SaveUniqueAsync(db, cancellationToken);
        return ToInfo(offering);
    }

    private static async Task<ModelOfferingRequest> ValidateAsync(VendorRiskDbContext db, int vendorId, int? ownId, ModelOfferingRequest request,
        CancellationToken cancellationToken)
    {
        var clean = new ModelOfferingRequest(request.Name?.Trim(), request.Channel?.Trim(),
            string.IsNullOrWhiteSpace(request.ProviderModelId) ? null : request.ProviderModelId.Trim(), request.Status?.Trim());
        var result = await Validator.ValidateAsync(clean, cancellationToken);
        var errors = result.Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray());
        if (!errors.ContainsKey("name") && await NameTakenAsync(db, vendorId, Normalize(clean.Name!), ownId, cancellationToken))
            errors["name"] = [$"This vendor already has a model offering named '{clean.Name}'."];
        if (errors.Count > 0)
            throw new ValidationFailedException(errors);
        return clean;
    }

    private static Task<bool> NameTakenAsync(VendorRiskDbContext db, int vendorId, string normalized, int? ownId, CancellationToken cancellationToken) =>
        db.ModelOfferings.AnyAsync(o => o.VendorId == vendorId && o.NormalizedName == normalized && o.Id != ownId, cancellationToken);

    /// <summary>Two people creating the same name at once: the unique index decides, and the loser gets the validator's error.</summary>
    private static async Task SaveUniqueAsync(VendorRiskDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("The model offering was changed by someone else since you opened it; reload and try again.");
        }
        catch (DbUpdateException)
        {
            throw new ValidationFailedException("name", "This vendor already has a model offering with this name.");
        }
    }

    private static void Apply(ModelOffering offering, ModelOfferingRequest r, DateTime now)
    {
        offering.Name = r.Name!;
        offering.NormalizedName = Normalize(r.Name!);
        offering.Channel = KebabEnum.Parse<ModelChannel>(r.Channel)!.Value;
        offering.ProviderModelId = r.ProviderModelId;
        offering.Status = r.Status is null ? ModelOfferingStatus.Active : KebabEnum.Parse<ModelOfferingStatus>(r.Status)!.Value;
        offering.UpdatedAt = now;
        offering.Version++;
    }

    private static string Normalize(string name) => name.Trim().ToUpperInvariant();

    private static object Snapshot(ModelOffering o) => new
    {
        o.Name, channel = KebabEnum.ToKebab(o.Channel), o.ProviderModelId, status = KebabEnum.ToKebab(o.Status),
    };

    private static ModelOfferingInfo ToInfo(ModelOffering o) =>
        new(o.Id, o.VendorId, o.Name, o.Channel, o.ProviderModelId, o.Status, o.Version);
}
