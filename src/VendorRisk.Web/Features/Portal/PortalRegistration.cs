namespace VendorRisk.Web.Features.Portal;

public static class PortalRegistration
{
    public static IServiceCollection AddPortal(this IServiceCollection services) => services
        .AddPortalAuthentication()
        .AddScoped<InviteVendorValidator>().AddScoped<InviteVendorHandler>()
        .AddScoped<InvitationService>()
        .AddScoped<PortalService>()
        .AddScoped<VendorAnswerReviewService>();
}
