namespace VendorRisk.Web.Features.Users;

/// <summary>The user service; Identity's password and claims hooks are wired where Identity is set up.</summary>
public static class UsersRegistration
{
    public static IServiceCollection AddUsers(this IServiceCollection services) => services
        .AddScoped<UserService>();
}
