using Microsoft.AspNetCore.Http.HttpResults;
using VendorRisk.Web.Features.ModelOfferings;
using VendorRisk.Web.Features.Vendors;

namespace VendorRisk.Web.Features.Api;

public static class VendorsApi
{
    public static RouteGroupBuilder MapVendorsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/vendors").WithTags("Vendors");

        group.MapGet("", ListAsync)
            .Described("ListVendors", "Active vendors with the rating of their latest reviewed approved assessment; paged (X-Total-Count, Link), by id")
            .ProducesValidationProblem();
        group.MapPost("", CreateAsync)
            .Described("CreateVendor", "Create a vendor")
            .AcceptsJson<CreateVendorDto>()
            .ChecksRoleOf<Vendors.CreateVendorRequest>();
        group.MapGet("/{id:int}", GetAsync)
            .Described("GetVendor", "One vendor with its assessments")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:int}/models", ListModelsAsync)
            .Described("ListModelOfferings", "The vendor's model offerings; paged (X-Total-Count, Link), by id")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:int}/models/{modelId:int}", GetModelAsync)
            .Described("GetModelOffering", "One model offering of the vendor (where a created offering's Location points)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:int}/models", CreateModelAsync)
            .Described("CreateModelOffering", "Create a model offering of the vendor")
            .AcceptsJson<CreateModelOfferingDto>()
            .ChecksRoleOf<ModelOfferings.CreateModelOfferingRequest>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<Ok<IReadOnlyList<VendorListItemDto>>> ListAsync(HttpContext context, VendorService vendors, int? page, int? pageSize,
        CancellationToken cancellationToken)
    {
        var paging = ApiPage.From(page, pageSize, "vendors");
        var found = await vendors.PageAsync(new VendorQuery(Sort: VendorSort.Id), paging.Skip, paging.Size, cancellationToken);
        paging.WriteHeaders(context, found.Total);
        return TypedResults.Ok<IReadOnlyList<VendorListItemDto>>([.. found.Items.Select(VendorListItemDto.From)]);
    }

    private static async Task<Created<VendorDto>> CreateAsync(HttpRequest request, VendorService vendors, CancellationToken cancellationToken)
    {
        var body = await ApiJson.ReadAsync<CreateVendorDto>(request, cancellationToken);
        var id = await vendors.CreateAsync(body.ToRequest(), cancellationToken);
        return TypedResults.Created($"/api/v1/vendors/{id}", VendorDto.From(await vendors.GetAsync(id, cancellationToken)));
    }

    private static async Task<Ok<IReadOnlyList<ModelOfferingDto>>> ListModelsAsync(HttpContext context, int id, ModelOfferingService offerings,
        int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var paging = ApiPage.From(page, pageSize, "model offerings");
        var all = (await offerings.ListAsync(id, cancellationToken)).Select(ModelOfferingDto.From).OrderBy(m => m.Id).ToList();
        return TypedResults.Ok(paging.Of(context, all));
    }

    private static async Task<Created<ModelOfferingDto>> CreateModelAsync(int id, HttpRequest request, ModelOfferingService offerings,
        CancellationToken cancellationToken)
    {
        var body = await ApiJson.ReadAsync<CreateModelOfferingDto>(request, cancellationToken);
        var created = await offerings.CreateAsync(id, body.ToRequest(), cancellationToken);
        return TypedResults.Created($"/api/v1/vendors/{id}/models/{created.Id}", ModelOfferingDto.From(created));
    }

    private static async Task<Ok<ModelOfferingDto>> GetModelAsync(int id, int modelId, ModelOfferingService offerings, CancellationToken cancellationToken)
    {
        var offering = await offerings.GetAsync(modelId, cancellationToken);
        return offering.VendorId == id
            ? TypedResults.Ok(ModelOfferingDto.From(offering))
            : throw new NotFoundException($"Vendor {id} has no model offering with id {modelId}.");
    }

    private static async Task<Ok<VendorDto>> GetAsync(int id, VendorService vendors, CancellationToken cancellationToken) =>
        TypedResults.Ok(VendorDto.From(await vendors.GetAsync(id, cancellationToken)));
}
