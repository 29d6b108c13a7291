using VendorRisk.Web.Components;
using VendorRisk.Web.Features.Account;
using VendorRisk.Web.Features.Observability;

namespace VendorRisk.Web.Infrastructure;

public static class Pipeline
{
    public static WebApplication UseVendorRiskPipeline(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        app.UseVendorRiskObservability();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
            app.UseHsts();
        }
        app.UseStatusCodePagesWithReExecute(PublicEndpoints.NotFound, createScopeForStatusCodePages: true);
        app.UseStatusPagesOnlyForPages();
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api =>
        {
            // The registered IExceptionHandlers answer (Features.Api.ApiExceptionHandler for /api); no error page to re-execute.
            api.UseExceptionHandler(_ => { });
            api.UseMiddleware<Features.Api.ApiStatusMiddleware>();
        });

        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous();
        app.MapVendorRiskHealth();
        app.MapVendorRiskEndpoints();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
