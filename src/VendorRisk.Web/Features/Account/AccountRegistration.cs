namespace VendorRisk.Web.Features.Account;

public static class AccountRegistration
{
    public static IServiceCollection AddAccount(this IServiceCollection services)
    {
        services.AddOptions<SignInThrottleOptions>().BindConfiguration(SignInThrottleOptions.Section);
        return services.AddScoped<SignInGuard>().AddScoped<PasswordSignIn>();
    }

    public static IEndpointRouteBuilder MapAccount(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapAccountEndpoints();
        return endpoints;
    }
}
