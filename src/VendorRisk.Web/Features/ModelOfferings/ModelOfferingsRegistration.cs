using FluentValidation;

namespace VendorRisk.Web.Features.ModelOfferings;

public static class ModelOfferingsRegistration
{
    public static IServiceCollection AddModelOfferings(this IServiceCollection services) => services
        .AddScoped<ModelOfferingNameValidator>()
        .AddScoped<IValidator<CreateModelOfferingRequest>>(sp => sp.GetRequiredService<ModelOfferingNameValidator>())
        .AddScoped<IValidator<UpdateModelOfferingRequest>>(sp => sp.GetRequiredService<ModelOfferingNameValidator>())
        .AddScoped<ModelOfferingService>();
}
