using System.Security.Cryptography;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace VendorRisk.Web.Features.Observability;

/// <summary>Where metrics may be scraped. Neither set: no scrape endpoint at all.</summary>
public sealed class MetricsSettings
{
    /// <summary>A port of its own for <c>/metrics</c> (an internal network), served outside the app's pipeline.</summary>
    public int? Port { get; set; }

    /// <summary>Host name the metrics port listens on (default <c>localhost</c>; <c>+</c> for every interface).</summary>
    public string Host { get; set; } = "localhost";

    /// <summary>A bearer token that opens <c>/metrics</c> on the app's own port.</summary>
    public string? Token { get; set; }
}

public static class ObservabilitySetup
{
    public const string MetricsPath = "/metrics";
    public const string Liveness = "/health/live";
    public const string Readiness = "/health/ready";
    public const string ReadyTag = "ready";

    /// <summary>
    /// OpenTelemetry traces and metrics: ASP.NET Core, HttpClient, EF Core and the app's own instruments;
    /// OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set; Prometheus only where <see cref="MetricsSettings"/> opens it.
    /// </summary>
    public static WebApplicationBuilder AddVendorRiskObservability(this WebApplicationBuilder builder)
    {
        var metrics = builder.Configuration.GetSection("VendorRisk:Metrics").Get<MetricsSettings>() ?? new MetricsSettings();
        if (metrics.Token is { Length: > 0 and < 16 })
            throw new StartupConfigurationException("VendorRisk:Metrics:Token must be at least 16 characters long.");
        builder.Services.AddSingleton(metrics);

        var exportsTraces = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(VendorRiskTelemetry.Name));
        // Spans are built only when an exporter takes them: without one, recording every request's and every SQL command's
        // span was a few per cent of an autosave's CPU for nothing.
        if (exportsTraces)
            telemetry.WithTracing(t => t
                .AddSource(VendorRiskTelemetry.Name)
                .AddAspNetCoreInstrumentation(o =>
                {
                    o.Filter = context => !IsProbe(context.Request.Path);
                    o.EnrichWithHttpRequest = RedactSecrets;
                })
                .AddHttpClientInstrumentation()
                .AddEntityFrameworkCoreInstrumentation());
        telemetry.WithMetrics(m =>
            {
                m.AddMeter(VendorRiskTelemetry.Name)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddMeter("Microsoft.EntityFrameworkCore");
                if (!string.IsNullOrEmpty(metrics.Token))
                    m.AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0);
                if (metrics.Port is { } port)
                    m.AddPrometheusHttpListener(o =>
                    {
                        o.Host = metrics.Host;
                        o.Port = port;
                        o.ScrapeEndpointPath = MetricsPath;
                        o.ScrapeResponseCacheDurationMilliseconds = 0;
                    });
            });
        if (exportsTraces)
            telemetry.UseOtlpExporter();

        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag]);
        return builder;
    }

    /// <summary>
    /// A portal link's token is a secret the app keeps only as a hash; a span of its opening carries the route instead,
    /// so the token does not end up in the trace store.
    /// </summary>
    internal static void RedactSecrets(System.Diagnostics.Activity activity, HttpRequest request)
    {
        if (!request.Path.StartsWithSegments(Portal.PortalPaths.Open))
            return;
        var route = Portal.PortalPaths.Open + "/{token}";
        activity.SetTag("url.path", route);
        activity.DisplayName = $"{request.Method} {route}";
    }

    /// <summary><c>/health</c> (everything), <c>/health/live</c> (the process answers) and <c>/health/ready</c> (the database answers).</summary>
    public static WebApplication MapVendorRiskHealth(this WebApplication app)
    {
        var statusCodes = new Dictionary<HealthStatus, int>
        {
            [HealthStatus.Healthy] = StatusCodes.Status200OK,
            [HealthStatus.Degraded] = StatusCodes.Status200OK,
            [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
        };
        app.MapHealthChecks(PublicEndpoints.Health, new HealthCheckOptions { ResultStatusCodes = statusCodes, ResponseWriter = HealthResponse.WriteAsync }).AllowAnonymous();
        app.MapHealthChecks(Liveness, new HealthCheckOptions { Predicate = _ => false, ResultStatusCodes = statusCodes }).AllowAnonymous();
        app.MapHealthChecks(Readiness, new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResultStatusCodes = statusCodes, ResponseWriter = HealthResponse.WriteAsync }).AllowAnonymous();
        return app;
    }

    /// <summary>Counts API calls by status, and opens <c>/metrics</c> on the app's port to holders of the metrics token.</summary>
    public static WebApplication UseVendorRiskObservability(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (!context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
            {
                await next(context);
                return;
            }

            try
            {
                await next(context);
            }
            finally
            {
                var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "unmatched";
                VendorRiskTelemetry.ApiCalls.Add(1, new KeyValuePair<string, object?>("method", context.Request.Method),
                    new KeyValuePair<string, object?>("route", route), new KeyValuePair<string, object?>("status", context.Response.StatusCode));
            }
        });

        var settings = app.Services.GetRequiredService<MetricsSettings>();
        if (string.IsNullOrEmpty(settings.Token))
            return app;

        var expected = Encoding.UTF8.GetBytes("Bearer " + settings.Token);
        app.UseOpenTelemetryPrometheusScrapingEndpoint(
            meterProvider: null,
            predicate: context => context.Request.Path == MetricsPath,
            path: null,
            configureBranchedPipeline: branch => branch.Use(async (context, next) =>
            {
                var given = Encoding.UTF8.GetBytes(context.Request.Headers.Authorization.ToString());
                if (!CryptographicOperations.FixedTimeEquals(given, expected))
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    context.Response.Headers.WWWAuthenticate = "Bearer";
                    return;
                }

                await next(context);
            }),
            optionsName: null);
        return app;
    }

    private static bool IsProbe(PathString path) =>
        path.StartsWithSegments(PublicEndpoints.Health, StringComparison.OrdinalIgnoreCase) || path == MetricsPath;
}
