namespace VendorRisk.Web.Features.Vendors;

/// <summary>Archive a vendor: no new assessments, its history kept.</summary>
[RequiresRole(Roles.Assessor, "archive vendors")]
public sealed record ArchiveVendorRequest(int Id) : IUseCase<Done>;

/// <summary>Bring an archived vendor back into use.</summary>
[RequiresRole(Roles.Assessor, "restore vendors")]
public sealed record RestoreVendorRequest(int Id) : IUseCase<Done>;

/// <summary>Doing what is already done changes nothing and writes no audit entry.</summary>
public sealed class ArchiveVendorHandler : IUseCaseHandler<ArchiveVendorRequest, Done>, IUseCaseHandler<RestoreVendorRequest, Done>
{
    public Task<Done> HandleAsync(ArchiveVendorRequest request, UseCaseContext context, CancellationToken cancellationToken) =>
        SetArchivedAsync(request.Id, true, context, cancellationToken);

    public Task<Done> HandleAsync(RestoreVendorRequest request, UseCaseContext context, CancellationToken cancellationToken) =>
        SetArchivedAsync(request.Id, false, context, cancellationToken);

    private static async Task<Done> SetArchivedAsync(int id, bool archived, UseCaseContext context, CancellationToken cancellationToken)
    {
        var vendor = await VendorWrites.FindAsync(context.Db, id, cancellationToken);
        if (vendor.IsArchived == archived)
            return default;
        context.Audit(archived ? "vendor-archived" : "vendor-unarchived", AuditEntityTypes.Vendor, vendor.Id,
            $"Vendor {vendor.Name} {(archived ? "archived" : "restored")}", new { isArchived = !archived }, new { isArchived = archived });
        vendor.IsArchived = archived;
        vendor.UpdatedAt = context.Now;
        vendor.Version++;
        return default;
    }
}
