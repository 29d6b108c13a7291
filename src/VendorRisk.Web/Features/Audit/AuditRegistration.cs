namespace VendorRisk.Web.Features.Audit;

public static class AuditRegistration
{
    public static IServiceCollection AddAudit(this IServiceCollection services) => services
        .AddScoped<AuditService>();

    public static IEndpointRouteBuilder MapAudit(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapAuditCsv();
        return endpoints;
    }
}
