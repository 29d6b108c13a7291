namespace VendorRisk.Web.Features.Vendors;

/// <param name="ExpectedVersion">The vendor's version the editor opened; a stale one is a conflict with the current fields.</param>
[RequiresRole(Roles.Assessor, "edit vendors")]
public sealed record UpdateVendorRequest : VendorRequest, IUseCase<Done>
{
    public UpdateVendorRequest(int id, VendorRequest fields, int expectedVersion) : base(VendorWrites.Clean(fields))
    {
        Id = id;
        ExpectedVersion = expectedVersion;
    }

    public int Id { get; init; }
    public int ExpectedVersion { get; init; }
}

public sealed class UpdateVendorHandler : IUseCaseHandler<UpdateVendorRequest, Done>
{
    public async Task<Done> HandleAsync(UpdateVendorRequest request, UseCaseContext context, CancellationToken cancellationToken)
    {
        var vendor = await VendorWrites.FindAsync(context.Db, request.Id, cancellationToken);
        if (vendor.Version != request.ExpectedVersion)
            throw new ConflictException($"{vendor.Name} was changed by someone else since you opened it; reload and try again.", VendorWrites.Snapshot(vendor));
        var before = VendorWrites.Snapshot(vendor);
        VendorWrites.Apply(vendor, request, context.Now);
        context.Audit("vendor-updated", AuditEntityTypes.Vendor, vendor.Id, $"Vendor {vendor.Name} updated", before, VendorWrites.Snapshot(vendor));
        await VendorWrites.SaveUniqueAsync(context.Db, cancellationToken);
        return default;
    }
}
