using Microsoft.Extensions.DependencyInjection;
using VendorRisk.Web.Features.Cli;

namespace VendorRisk.Web.Tests.Cli;

/// <summary>Runs a command of the admin command line in-process against the given services, capturing its streams.</summary>
public sealed record CliResult(int ExitCode, string Out, string Error);

public static class CliRunner
{
    public static async Task<CliResult> RunWithInputAsync(IServiceProvider services, string stdin, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        await using var scope = services.CreateAsyncScope();
        var provider = new Overlay(scope.ServiceProvider, new CliConsole(output, error), new CliInput(new StringReader(stdin)));
        var code = await AdminCommandLine.DispatchAsync(args, provider);
        return new CliResult(code, output.ToString(), error.ToString());
    }

    public static Task<CliResult> RunAsync(IServiceProvider services, params string[] args) => RunWithInputAsync(services, "", args);

    private sealed class Overlay(IServiceProvider inner, CliConsole console, CliInput input) : IServiceProvider
    {
        public object? GetService(Type serviceType) =>
            serviceType == typeof(CliConsole) ? console
            : serviceType == typeof(CliInput) ? input
            : inner.GetService(serviceType);
    }
}
