namespace VendorRisk.Web.Features.ModelOfferings;

/// <summary>A vendor's model offerings: listed by anyone, created and changed by assessors, every change audited.</summary>
public sealed class ModelOfferingService(
    IDbContextFactory<VendorRiskDbContext> dbFactory,
    UseCasePipeline pipeline)
{
    public const string EntityType = "model-offering";

    /// <summary>The vendor's offerings by name.</summary>
    public async Task<IReadOnlyList<ModelOfferingInfo>> ListAsync(int vendorId, CancellationToken cancellationToken = default)
    {
        await pipeline.AuthorizeAsync(new ReadModelOfferings(), cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Vendors.AnyAsync(v => v.Id == vendorId, cancellationToken))
            throw new NotFoundException($"No vendor with id {vendorId}.");
        var rows = await db.ModelOfferings.AsNoTracking().Where(o => o.VendorId == vendorId).ToListAsync(cancellationToken);
        return [.. rows.OrderBy(o => o.Name, StringComparer.CurrentCultureIgnoreCase).ThenBy(o => o.Id).Select(ModelOfferingWrites.ToInfo)];
    }

    public async Task<ModelOfferingInfo> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await pipeline.AuthorizeAsync(new ReadModelOfferings(), cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var offering = await db.ModelOfferings.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, cancellationToken)
            ?? throw new NotFoundException($"No model offering with id {id}.");
        return ModelOfferingWrites.ToInfo(offering);
    }

    public Task<ModelOfferingInfo> CreateAsync(int vendorId, ModelOfferingRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return pipeline.RunAsync(new CreateModelOfferingRequest(vendorId, request), cancellationToken);
    }

    public Task<ModelOfferingInfo> UpdateAsync(int id, ModelOfferingRequest request, int expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return pipeline.RunAsync(new UpdateModelOfferingRequest(id, request, expectedVersion), cancellationToken);
    }
}
