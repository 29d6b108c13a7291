namespace VendorRisk.Web.Features.Tokens;

/// <summary>API tokens; the bearer scheme that reads them belongs to the API.</summary>
public static class TokensRegistration
{
    public static IServiceCollection AddTokens(this IServiceCollection services) => services
        .AddScoped<TokenService>();
}
