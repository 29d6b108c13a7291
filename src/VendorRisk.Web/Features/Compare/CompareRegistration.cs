namespace VendorRisk.Web.Features.Compare;

public static class CompareRegistration
{
    public static IServiceCollection AddCompare(this IServiceCollection services) => services
        .AddScoped<CompareService>();
}
