using FluentValidation;

namespace VendorRisk.Web.Features.Vendors;

public static class VendorsRegistration
{
    /// <summary>The vendor rules validate a vendor's fields in whichever request carries them.</summary>
    public static IServiceCollection AddVendors(this IServiceCollection services) => services
        .AddScoped<VendorRequestValidator>()
        .AddScoped<IValidator<CreateVendorRequest>>(sp => sp.GetRequiredService<VendorRequestValidator>())
        .AddScoped<IValidator<UpdateVendorRequest>>(sp => sp.GetRequiredService<VendorRequestValidator>())
        .AddScoped<VendorService>();
}
