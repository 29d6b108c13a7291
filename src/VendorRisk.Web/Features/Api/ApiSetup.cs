using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.OpenApi;
using VendorRisk.Web.Features.Account;
using VendorRisk.Web.Features.Tokens;
using VendorRisk.Web.Infrastructure.RequestLimits;

namespace VendorRisk.Web.Features.Api;

public sealed class ApiOptions
{
    public const string Section = "VendorRisk:Api";

    /// <summary>Requests a minute per token (api.md: 600).</summary>
    public int RequestsPerMinute { get; set; } = 600;

    /// <summary>How long a request body may take to arrive before the request is answered 408.</summary>
    public int BodyReadTimeoutSeconds { get; set; } = 30;

    public TimeSpan BodyReadTimeout => TimeSpan.FromSeconds(Math.Max(1, BodyReadTimeoutSeconds));
}

/// <summary>The HTTP API v1 of api.md: bearer tokens, rate limit, problem details, OpenAPI, and the endpoint groups.</summary>
public static class ApiSetup
{
    public const string AuthorizationPolicy = "ApiToken";
    public const string RateLimitPolicy = "api-token";
    public const string BearerSchemeId = "bearer";

    public static IServiceCollection AddVendorRiskApi(this IServiceCollection services)
    {
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.Section);
        services.AddRouting().LeaveContentTypesToTheEndpoints();
        services.AddScoped<AssessmentDtoReader>();

        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null);
        services.AddAuthorization(o => o.AddPolicy(AuthorizationPolicy, policy => policy
            .AddAuthenticationSchemes(ApiTokenAuthenticationHandler.SchemeName)
            .RequireAuthenticatedUser()));

        services.AddRequestLimits().Configure<RequestLimitOptions>(o =>
        {
            SignInThrottle.AddPolicy(o);
            o.AddPolicy(RateLimitPolicy, context =>
            {
                var limit = context.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value.RequestsPerMinute;
                var partition = context.User.FindFirst(ApiTokenAuthenticationHandler.TokenIdClaim)?.Value
                    ?? "anonymous:" + context.Connection.RemoteIpAddress;
                return RequestLimit.PerMinute(partition, limit);
            }, (context, seconds) => ApiProblems.WriteAsync(context, StatusCodes.Status429TooManyRequests, "Too many requests",
                $"This token is over its limit of requests a minute; retry after {seconds} s."));
        });

        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });

        services.AddOpenApi(o =>
        {
            o.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            o.AddVendorRiskContract();
            o.AddValidatorConstraints();
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "VendorRisk API";
                document.Info.Version = "v1";
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[BearerSchemeId] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "vr_…",
                    Description = "An API token from your account page (shown once at creation).",
                };
                document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerSchemeId, document)] = [] }];
                return Task.CompletedTask;
            });
        });
        return services;
    }

    /// <summary>Runs after authentication and authorization, and before the request limits, which count per token.</summary>
    public static IApplicationBuilder UseVendorRiskApiPrincipal(this IApplicationBuilder app) =>
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseMiddleware<ApiPrincipalMiddleware>());

    public static WebApplication MapVendorRiskApi(this WebApplication app)
    {
        app.MapOpenApi(PublicEndpoints.OpenApi.Replace("v1", "{documentName}", StringComparison.Ordinal)).AllowAnonymous();

        var v1 = app.MapGroup("/api/v1")
            .RequireAuthorization(AuthorizationPolicy)
            .RequireRateLimiting(RateLimitPolicy)
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status429TooManyRequests)
            .DisableAntiforgery();
        v1.MapVendorsApi();
        v1.MapQuestionSetsApi();
        v1.MapAssessmentsApi();
        v1.MapCompareApi();
        v1.MapFindingsApi();
        v1.MapEvidenceFilesApi();
        return app;
    }
}
