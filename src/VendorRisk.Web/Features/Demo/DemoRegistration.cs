namespace VendorRisk.Web.Features.Demo;

public static class DemoRegistration
{
    /// <summary>Demo data, seeded only in demo mode: vendors and assessments first, then their findings.</summary>
    public static IServiceCollection AddDemo(this IServiceCollection services) => services
        .AddScoped<IDemoSeeder, DemoDataSeeder>()
        .AddScoped<IDemoSeeder, DemoFindingsSeeder>();
}
