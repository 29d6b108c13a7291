using VendorRisk.Web.Components;
using VendorRisk.Web.Features.Account;
using VendorRisk.Web.Features.Api;
using VendorRisk.Web.Features.Observability;
using VendorRisk.Web.Features.Portal;
using VendorRisk.Web.Infrastructure.RequestLimits;

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
        app.UseVendorRiskApiPrincipal();
        // Before the antiforgery check, which reads a posted form whole: a request over its limit is refused unread.
        app.UseRequestLimits();
        app.UsePortalOversizedFilePosts();
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous();
        app.MapVendorRiskHealth();
        app.MapVendorRiskEndpoints();
        // Circuits' messages go uncompressed: the permessage-deflate a browser asks for cost 0.3–0.5 ms of CPU per wizard save
        // at 200 open tabs, for a render batch of about 1.7 KB (ADR 0062). The app's own CSP keeps frame-ancestors 'none'.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(server => server.DisableWebSocketCompression = true);
        return app;
    }
}
