namespace VendorRisk.Web.Infrastructure;

/// <summary>Each feature's services, one line each.</summary>
public static class FeatureRegistration
{
    public static IServiceCollection AddVendorRiskFeatures(this IServiceCollection services)
    {
        services.AddScoped<Features.QuestionSets.QuestionSetService>().AddScoped<ISeeder, Features.QuestionSets.QuestionSetSeeder>();
        return services;
    }
}

public static class EndpointRegistration
{
    /// <summary>Each feature's HTTP endpoints (downloads, API), one line each.</summary>
    public static WebApplication MapVendorRiskEndpoints(this WebApplication app)
    {
        return app;
    }
}
