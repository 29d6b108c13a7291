namespace VendorRisk.Web.Features.Findings;

public static class FindingsRegistration
{
    public static IServiceCollection AddFindings(this IServiceCollection services) => services
        .AddScoped<ActiveUsers>()
        .AddScoped<FindingQueries>()
        .AddScoped<FindingReportData>();

    public static IEndpointRouteBuilder MapFindings(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapFindingsCsv();
        return endpoints;
    }
}
