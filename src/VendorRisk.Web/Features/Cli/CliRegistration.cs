namespace VendorRisk.Web.Features.Cli;

public static class CliRegistration
{
    /// <summary>The running app holds a lock so offline commands (restore, copy) refuse to run under it.</summary>
    public static IServiceCollection AddCli(this IServiceCollection services) => services
        .AddHostedService<AppRunningLock>();
}
