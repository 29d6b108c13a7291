using VendorRisk.Web.Features.Cli;

if (AdminCommandLine.IsCommand(args))
    return await AdminCommandLine.RunAsync(args);

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = AppArguments.Normalize(args),
    // `dotnet run` keeps the user's directory as the working directory (for CLI paths), so pin the content root.
    ContentRootPath = AdminCommandLine.ResolveContentRoot(),
});
// The host would log a failed start (a port in use) with its stack trace; Program says it in one line instead.
// Critical stays on: a background service that stops the host is still reported with its exception.
builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
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
try
{
    await app.RunAsync();
}
catch (IOException ex) when (ex.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
{
    // Kestrel's own message names the address ("Failed to bind to address http://…: address already in use.").
    await Console.Error.WriteLineAsync($"VendorRisk cannot start: {ex.Message}");
    return 1;
}

return 0;

public partial class Program;
