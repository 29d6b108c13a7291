namespace VendorRisk.Web.Infrastructure;

public static class SecurityHeaders
{
    // Blazor Server needs its websocket ('self'); MudBlazor sets inline styles.
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                headers.XFrameOptions = "DENY";
                // Pages, API answers, CSV, PDF and file downloads hold customer data: no cache keeps a copy.
                // Static assets set their own caching and are left alone.
                if (!headers.ContainsKey(Microsoft.Net.Http.Headers.HeaderNames.CacheControl))
                    headers.CacheControl = "no-store";
                return Task.CompletedTask;
            });
            return next(context);
        });
}
