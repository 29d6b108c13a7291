namespace VendorRisk.Web.Features.Cli;

/// <summary>
/// <c>health [url]</c>: exit 0 when the running app's <c>/health</c> answers 200, else 1.
/// The ASP.NET runtime image has no curl, so the Dockerfile's HEALTHCHECK uses this.
/// </summary>
public static class HealthCommand
{
    public static Task<int> RunAsync(string[] args, IServiceProvider services) => ProbeAsync(args);

    public static async Task<int> ProbeAsync(string[] args)
    {
        var port = Environment.GetEnvironmentVariable("ASPNETCORE_HTTP_PORTS")?.Split(';', ',')[0] ?? "8080";
        var url = args.Length > 0 ? args[0] : $"http://127.0.0.1:{port}/health";
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            await Console.Error.WriteLineAsync($"Not a URL: {url}");
            return AdminCommandLine.UsageError;
        }
        try
        {
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(4) };
            using var response = await client.GetAsync(uri);
            await Console.Out.WriteLineAsync($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            return response.IsSuccessStatusCode ? AdminCommandLine.Ok : AdminCommandLine.Refused;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            await Console.Error.WriteLineAsync($"unhealthy: {ex.Message}");
            return AdminCommandLine.Refused;
        }
    }
}
