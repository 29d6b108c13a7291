namespace VendorRisk.Web.Features.Vendors;

/// <summary>A new vendor from cleaned fields; validated by <see cref="VendorRequestValidator"/>.</summary>
[RequiresRole(Roles.Assessor, "create vendors")]
public sealed record CreateVendorRequest : VendorRequest, IUseCase<int>
{
    public CreateVendorRequest(VendorRequest fields) : base(VendorWrites.Clean(fields))
    {
    }
}

public sealed class CreateVendorHandler : IUseCaseHandler<CreateVendorRequest, int>
{
    public async Task<int> HandleAsync(CreateVendorRequest request, UseCaseContext context, CancellationToken cancellationToken)
    {
        var vendor = new Vendor { CreatedAt = context.Now };
        VendorWrites.Apply(vendor, request, context.Now);
        context.Db.Vendors.Add(vendor);
        await VendorWrites.SaveUniqueAsync(context.Db, cancellationToken);
        context.Audit("vendor-created", AuditEntityTypes.Vendor, vendor.Id, $"Vendor {vendor.Name} created", null, VendorWrites.Snapshot(vendor));
        return vendor.Id;
    }
}
