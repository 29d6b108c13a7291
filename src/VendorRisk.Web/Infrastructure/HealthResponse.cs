using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace VendorRisk.Web.Infrastructure;

/// <summary>
/// <c>/health</c> body: <c>{"status":"Healthy","provider":"postgres","migrations":"current"}</c>, so a load
/// balancer reads the status code and an operator sees which database and schema an instance runs on.
/// </summary>
internal static class HealthResponse
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var database = report.Entries.TryGetValue("database", out var entry) ? entry.Data : new Dictionary<string, object>();
        return context.Response.WriteAsJsonAsync(new HealthBody(
            report.Status.ToString(),
            database.TryGetValue("provider", out var provider) ? provider.ToString() : null,
            database.TryGetValue("migrations", out var migrations) ? migrations.ToString() : null));
    }

    private sealed record HealthBody(string Status, string? Provider, string? Migrations);
}
