namespace VendorRisk.Web.Features.Portal;

/// <summary>The portal's services; its use cases (invite, revoke, accept, reject) are found by the use-case pipeline.</summary>
public static class PortalRegistration
{
    public static IServiceCollection AddPortal(this IServiceCollection services) => services
        .AddPortalAuthentication()
        .AddScoped<InvitationService>()
        .AddScoped<PortalService>()
        .AddScoped<PortalEvidence>()
        .AddSingleton<PortalUploadGate>()
        .AddScoped<VendorAnswerReviewService>()
        .AddSingleton(new Shared.AssessmentTab("Vendor portal", MudBlazor.Icons.Material.Outlined.ForwardToInbox, "vendor-portal-tab", typeof(VendorPortalPanel)))
        .AddScoped<Mail.Reminders.IReminderSource, InvitationExpiryReminders>();

    public static WebApplication MapPortal(this WebApplication app)
    {
        PortalEndpoints.MapPortal(app);
        return app;
    }
}
