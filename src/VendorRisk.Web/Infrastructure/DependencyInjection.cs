using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using MudBlazor.Services;
using VendorRisk.Web.Features.Mail;
using VendorRisk.Web.Features.Observability;
using VendorRisk.Web.Features.Users;

namespace VendorRisk.Web.Infrastructure;

public static class DependencyInjection
{
    private const string CookieOrTokenScheme = "CookieOrToken";
    public static readonly TimeSpan PopoverDetachPeriod = TimeSpan.FromSeconds(60);

    public static WebApplicationBuilder AddVendorRisk(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var options = builder.Configuration.GetSection(VendorRiskOptions.Section).Get<VendorRiskOptions>() ?? new VendorRiskOptions();
        services.AddSingleton(options);
        services.AddSingleton<KestrelRejectionHeaders>();
        KestrelRejectionHeaders.AddTo(builder.WebHost);

        try
        {
            services.AddVendorRiskData(builder.Configuration.GetConnectionString(Data.DependencyInjection.ConnectionStringName), builder.Environment.ContentRootPath,
                Data.DependencyInjection.ParseProvider(builder.Configuration[Data.DependencyInjection.ProviderSetting]));
        }
        catch (ArgumentException ex)
        {
            throw new StartupConfigurationException(ex.Message, ex);
        }
        // Identity's stores need a scoped context; short-lived scopes are created per operation by the services.
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<VendorRiskDbContext>>().CreateDbContext());

        services.AddRazorComponents().AddInteractiveServerComponents()
            .AddHubOptions(o => o.MaximumReceiveMessageSize = Features.Shared.PrerenderedState.MaxCircuitMessageBytes);
        // A closed tab's circuit is kept for a reconnect: bound how long and how many (appsettings "VendorRisk:Circuits").
        services.AddOptions<Microsoft.AspNetCore.Components.Server.CircuitOptions>().BindConfiguration("VendorRisk:Circuits");
        // Every circuit's popover service ticks at this period to detach closed popovers' script side in a batch (the
        // popover itself leaves the page at once). At MudBlazor's half second, hundreds of open but idle tabs woke the
        // server 2 times a second each; at 5 s it was still most of an idle tab's wake-ups (ADR 0056, 0064).
        services.AddMudServices(mud => mud.PopoverOptions.QueueDelay = PopoverDetachPeriod);
        services.AddHttpContextAccessor();
        services.AddCascadingAuthenticationState();
        services.AddSingleton<CircuitUserCheck>();
        services.AddScoped<AuthenticationStateProvider, RevalidatingAuthenticationStateProvider>();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = CookieOrTokenScheme;
                o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            // /api speaks bearer tokens only, everything else the sign-in cookie: so an unknown /api path or method
            // with a valid token is a 404 or 405 from the API, not a cookie challenge.
            .AddPolicyScheme(CookieOrTokenScheme, "Sign-in cookie, or API token under /api", o => o.ForwardDefaultSelector = context =>
                context.Request.Path.StartsWithSegments("/api") ? Features.Api.ApiTokenAuthenticationHandler.SchemeName : IdentityConstants.ApplicationScheme)
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = PublicEndpoints.Login;
            cookie.LogoutPath = PublicEndpoints.Logout;
            cookie.AccessDeniedPath = PublicEndpoints.AccessDenied;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.Cookie.Name = ".VendorRisk.Auth";
            cookie.ExpireTimeSpan = TimeSpan.FromHours(12);
            cookie.SlidingExpiration = true;
            cookie.CookieManager = new HostPrefixCookieManager();
            cookie.Events.OnRedirectToLogin = ApiAwareRedirects.ToLogin;
            cookie.Events.OnRedirectToAccessDenied = ApiAwareRedirects.ToAccessDenied;
        });
        // Every request re-reads the user's security stamp: signing out, a new password, a role change or
        // disabling the account changes the stamp, and a cookie saved before it no longer opens anything.
        // Open circuits re-check on RevalidationInterval (RevalidatingAuthenticationStateProvider).
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
        services.AddAntiforgery(o =>
        {
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.HttpOnly = true;
        });

        services.AddIdentityCore<ApplicationUser>(o =>
            {
                o.Password.RequiredLength = CommonPasswordValidator.MinimumLength;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<VendorRiskDbContext>()
            .AddSignInManager<VendorRiskSignInManager>()
            .AddClaimsPrincipalFactory<VendorRiskClaimsPrincipalFactory>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddDefaultTokenProviders();

        services.AddDataProtection().SetApplicationName("VendorRisk").PersistKeysToDbContext<VendorRiskDbContext>()
            .ProtectKeysWith(options.DataProtection, builder.Environment.ContentRootPath);
        services.AddAuthorization(o => o.AddVendorRiskPolicies());

        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            foreach (var proxy in options.TrustedProxies)
                o.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
        });

        services.AddScoped<CurrentUser>();
        services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<CurrentUser>());
        services.AddScoped<StartupTasks>();
        services.AddExceptionHandler<Features.Api.ApiExceptionHandler>();
        services.AddExceptionHandler<NonPageExceptionHandler>();
        builder.AddVendorRiskObservability();

        services.AddVendorRiskFeatures();
        builder.AddMail();
        return builder;
    }
}

public sealed class VendorRiskOptions
{
    public const string Section = "VendorRisk";

    public bool Demo { get; set; }
    /// <summary>Reverse proxies whose X-Forwarded-* headers are trusted (their IP addresses).</summary>
    public List<string> TrustedProxies { get; set; } = [];
    /// <summary>Days between assessments, by the rating's rank from the worst band (index 0 = worst).</summary>
    public List<int> ReassessmentDays { get; set; } = [90, 180, 365];
    /// <summary>How often a session re-checks that its user still exists, is enabled and keeps its role (issue: within a minute).</summary>
    public int RevalidationSeconds { get; set; } = 60;
    /// <summary>Encryption at rest of the data-protection keys kept in the database.</summary>
    public DataProtectionSettings DataProtection { get; set; } = new();

    public TimeSpan RevalidationInterval => TimeSpan.FromSeconds(Math.Clamp(RevalidationSeconds, 0, 60));
}
