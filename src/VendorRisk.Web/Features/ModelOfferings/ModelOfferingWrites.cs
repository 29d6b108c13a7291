using FluentValidation;

namespace VendorRisk.Web.Features.ModelOfferings;

/// <summary>A new offering of a vendor.</summary>
[RequiresRole(Roles.Assessor, "create model offerings")]
public sealed record CreateModelOfferingRequest : ModelOfferingRequest, IUseCase<ModelOfferingInfo>
{
    public CreateModelOfferingRequest(int vendorId, ModelOfferingRequest fields) : base(fields.Cleaned()) => VendorId = vendorId;

    public int VendorId { get; init; }
}

/// <param name="ExpectedVersion">The offering's version the editor opened; a stale one is a conflict with the current fields.</param>
[RequiresRole(Roles.Assessor, "edit model offerings")]
public sealed record UpdateModelOfferingRequest : ModelOfferingRequest, IUseCase<ModelOfferingInfo>
{
    public UpdateModelOfferingRequest(int id, ModelOfferingRequest fields, int expectedVersion) : base(fields.Cleaned())
    {
        Id = id;
        ExpectedVersion = expectedVersion;
    }

    public int Id { get; init; }
    public int ExpectedVersion { get; init; }
}

/// <summary>The fields' rules, then a name unique within the vendor ignoring case (an unknown vendor or offering is the handler's 404).</summary>
public sealed class ModelOfferingNameValidator : AbstractValidator<ModelOfferingRequest>
{
    public ModelOfferingNameValidator(IDbContextFactory<VendorRiskDbContext> dbFactory)
    {
        Include(new ModelOfferingRequestValidator());
        RuleFor(r => r.Name).MustAsync(async (request, name, cancellationToken) =>
            {
                await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
                var (vendorId, ownId) = request switch
                {
                    CreateModelOfferingRequest c => (c.VendorId, (int?)null),
                    UpdateModelOfferingRequest u => (await db.ModelOfferings.Where(o => o.Id == u.Id).Select(o => o.VendorId).SingleOrDefaultAsync(cancellationToken), u.Id),
                    _ => (0, null),
                };
                var normalized = ModelOfferingWrites.Normalize(name!);
                return !await db.ModelOfferings.AnyAsync(o => o.VendorId == vendorId && o.NormalizedName == normalized && o.Id != ownId, cancellationToken);
            })
            .When(r => !string.IsNullOrWhiteSpace(r.Name))
            .WithMessage(r => $"This vendor already has a model offering named '{r.Name}'.")
            .OverridePropertyName("name");
    }
}

public sealed class CreateModelOfferingHandler : IUseCaseHandler<CreateModelOfferingRequest, ModelOfferingInfo>
{
    public async Task<ModelOfferingInfo> HandleAsync(CreateModelOfferingRequest request, UseCaseContext context, CancellationToken cancellationToken)
    {
        var vendor = await context.Db.Vendors.SingleOrDefaultAsync(v => v.Id == request.VendorId, cancellationToken)
            ?? throw new NotFoundException($"No vendor with id {request.VendorId}.");
        var offering = new ModelOffering { VendorId = request.VendorId, CreatedAt = context.Now };
        ModelOfferingWrites.Apply(offering, request, context.Now);
        context.Db.ModelOfferings.Add(offering);
        await ModelOfferingWrites.SaveUniqueAsync(context.Db, cancellationToken);
        context.Audit("model-offering-created", ModelOfferingService.EntityType, offering.Id,
            $"Model offering {vendor.Name} · {offering.Name} created", null, ModelOfferingWrites.Snapshot(offering));
        return ModelOfferingWrites.ToInfo(offering);
    }
}

public sealed class UpdateModelOfferingHandler : IUseCaseHandler<UpdateModelOfferingRequest, ModelOfferingInfo>
{
    public async Task<ModelOfferingInfo> HandleAsync(UpdateModelOfferingRequest request, UseCaseContext context, CancellationToken cancellationToken)
    {
        var offering = await context.Db.ModelOfferings.Include(o => o.Vendor).SingleOrDefaultAsync(o => o.Id == request.Id, cancellationToken)
            ?? throw new NotFoundException($"No model offering with id {request.Id}.");
        if (offering.Version != request.ExpectedVersion)
            throw new ConflictException($"{offering.Name} was changed by someone else since you opened it; reload and try again.", ModelOfferingWrites.Snapshot(offering));
        var before = ModelOfferingWrites.Snapshot(offering);
        ModelOfferingWrites.Apply(offering, request, context.Now);
        context.Audit("model-offering-updated", ModelOfferingService.EntityType, offering.Id,
            $"Model offering {offering.Vendor.Name} · {offering.Name} updated", before, ModelOfferingWrites.Snapshot(offering));
        await ModelOfferingWrites.SaveUniqueAsync(context.Db, cancellationToken);
        return ModelOfferingWrites.ToInfo(offering);
    }
}

internal static class ModelOfferingWrites
{
    public static string Normalize(string name) => TextRules.CleanName(name).ToUpperInvariant();

    /// <summary>Two people creating the same name at once: the unique index decides, and the loser gets the validator's error.</summary>
    public static Task SaveUniqueAsync(VendorRiskDbContext db, CancellationToken cancellationToken) =>
        UniqueSave.SaveAsync(db, "The model offering was changed by someone else since you opened it; reload and try again.", "name", "This vendor already has a model offering with this name.", cancellationToken);

    public static void Apply(ModelOffering offering, ModelOfferingRequest r, DateTime now)
    {
        offering.Name = TextRules.CleanName(r.Name);
        offering.NormalizedName = Normalize(r.Name!);
        offering.Channel = KebabEnum.Parse<ModelChannel>(r.Channel)!.Value;
        offering.ProviderModelId = TextRules.CleanName(r.ProviderModelId) is { Length: > 0 } providerModelId ? providerModelId : null;
        offering.Status = r.Status is null ? ModelOfferingStatus.Active : KebabEnum.Parse<ModelOfferingStatus>(r.Status)!.Value;
        offering.UpdatedAt = now;
        offering.Version++;
    }

    public static object Snapshot(ModelOffering o) => new
    {
        o.Name, channel = KebabEnum.ToKebab(o.Channel), o.ProviderModelId, status = KebabEnum.ToKebab(o.Status),
    };

    public static ModelOfferingInfo ToInfo(ModelOffering o) =>
        new(o.Id, o.VendorId, o.Name, o.Channel, o.ProviderModelId, o.Status, o.Version);
}
