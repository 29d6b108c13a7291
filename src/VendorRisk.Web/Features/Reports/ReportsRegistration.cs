using VendorRisk.Reports;

namespace VendorRisk.Web.Features.Reports;

public static class ReportsRegistration
{
    public static IServiceCollection AddReports(this IServiceCollection services) => services
        .AddSingleton<IReportRenderer>(_ => new SkiaReportRenderer())
        .AddSingleton<ReportRenderGate>()
        .AddScoped<ReportService>()
        .AddScoped<Compare.IComparisonPdf>(sp => sp.GetRequiredService<ReportService>());

    public static IEndpointRouteBuilder MapReports(this IEndpointRouteBuilder endpoints) => endpoints.MapReportDownloads();
}
