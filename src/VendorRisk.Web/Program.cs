using VendorRisk.Data;
using VendorRisk.Web.Features.Cli;
using VendorRisk.Web.Infrastructure;

if (AdminCommandLine.IsCommand(args))
    return await AdminCommandLine.RunAsync(args);

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = AppArguments.Normalize(args),
    // `dotnet run` keeps the user's directory as the working directory (for CLI paths), so pin the content root.
    ContentRootPath = AdminCommandLine.ResolveContentRoot(),
});
try
{
    builder.AddVendorRisk();
}
catch (StartupConfigurationException ex)
{
    // Configuration mistakes (e.g. an unreadable key-encryption certificate) get one clear line, not a stack trace.
    await Console.Error.WriteLineAsync($"VendorRisk cannot start: {ex.Message}");
    return 1;
}

var app = builder.Build();

try
{
    await using var scope = app.Services.CreateAsyncScope();
    await scope.ServiceProvider.GetRequiredService<StartupTasks>().RunAsync();
}
catch (Exception ex) when (ex is DatabaseStartupException or InvalidOperationException)
{
    app.Logger.LogCritical("VendorRisk cannot start: {Reason}", ex.Message);
    return 1;
}

app.UseVendorRiskPipeline();
await app.RunAsync();
return 0;

public partial class Program;
