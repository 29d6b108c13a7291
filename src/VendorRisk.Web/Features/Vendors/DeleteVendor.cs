namespace VendorRisk.Web.Features.Vendors;

/// <summary>Delete a vendor that was never assessed; one with assessments is archived instead, so its history is kept.</summary>
[RequiresRole(Roles.Assessor, "delete vendors")]
public sealed record DeleteVendorRequest(int Id) : IUseCase<Done>;

public sealed class DeleteVendorHandler : IUseCaseHandler<DeleteVendorRequest, Done>
{
    public async Task<Done> HandleAsync(DeleteVendorRequest request, UseCaseContext context, CancellationToken cancellationToken)
    {
        var vendor = await VendorWrites.FindAsync(context.Db, request.Id, cancellationToken);
        var count = await context.Db.Assessments.CountAsync(a => a.VendorId == request.Id, cancellationToken);
        if (count > 0)
        {
            throw new ConflictException(
                $"{vendor.Name} has {Plural.Count(count, "assessment")} and cannot be deleted: the assessment history must be kept. Archive the vendor instead.",
                new { assessments = count });
        }
        context.Audit("vendor-deleted", AuditEntityTypes.Vendor, vendor.Id, $"Vendor {vendor.Name} deleted", VendorWrites.Snapshot(vendor), null);
        context.Db.Vendors.Remove(vendor);
        return default;
    }
}
