using VendorRisk.Reports;
using VendorRisk.Web.Features.Dashboard;
using VendorRisk.Web.Features.Reports;

namespace VendorRisk.Web.Features.Compare;

public static class CompareRegistration
{
    /// <summary>Compare, reports and the dashboard.</summary>
    public static IServiceCollection AddCompareReportsAndDashboard(this IServiceCollection services)
    {
        services.AddScoped<CompareService>();
        services.AddSingleton<IReportRenderer>(_ => new SkiaReportRenderer());
        services.AddSingleton<ReportRenderGate>();
        services.AddScoped<ReportService>();
        services.AddScoped<DashboardService>();
        return services;
    }
}
