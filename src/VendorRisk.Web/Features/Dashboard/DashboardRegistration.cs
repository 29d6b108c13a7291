namespace VendorRisk.Web.Features.Dashboard;

public static class DashboardRegistration
{
    public static IServiceCollection AddDashboard(this IServiceCollection services) => services
        .AddScoped<DashboardService>()
        .AddScoped<Mail.Reminders.IReminderSource, ReassessmentDueReminders>();
}
