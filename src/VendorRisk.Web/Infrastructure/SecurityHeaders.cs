namespace VendorRisk.Web.Infrastructure;

public static class SecurityHeaders
{
    // Blazor Server needs its websocket ('self'); MudBlazor sets inline styles.
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>The headers every answer carries, the web server's own rejections too (<see cref="KestrelRejectionHeaders"/>).</summary>
    public static readonly IReadOnlyList<KeyValuePair<string, string>> Always =
    [
        new("Content-Security-Policy", ContentSecurityPolicy),
        new("X-Content-Type-Options", "nosniff"),
        new("Referrer-Policy", "no-referrer"),
        new("X-Frame-Options", "DENY"),
    ];

    /// <summary>Pages, API answers, CSV, PDF and file downloads hold customer data: no cache keeps a copy.</summary>
    public const string NoStore = "no-store";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                foreach (var (name, value) in Always)
                {
                    // A stricter policy set by the endpoint stays: a file download is sandboxed with default-src 'none'.
                    if (name != "Content-Security-Policy" || !headers.ContainsKey(name))
                        headers[name] = value;
                }
                // Static assets set their own caching and are left alone.
                if (!headers.ContainsKey(Microsoft.Net.Http.Headers.HeaderNames.CacheControl))
                    headers.CacheControl = NoStore;
                return Task.CompletedTask;
            });
            return next(context);
        });
}
