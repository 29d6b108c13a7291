namespace VendorRisk.Web.Features.Shared;

public static class SharedRegistration
{
    public static IServiceCollection AddShared(this IServiceCollection services) => services
        .AddSingleton<QuestionSetDefinitions>()
        .AddScoped<AssessmentReader>()
        .AddSingleton<AssessmentTabs>();
}
