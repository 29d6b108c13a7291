using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace VendorRisk.Web.Infrastructure;

/// <summary>
/// Reachable, which provider, and whether the schema is the one this build expects: <c>current</c>,
/// <c>pending</c> (this build has migrations the database lacks: unhealthy) or <c>newer</c> (another
/// instance already runs a later build: degraded, still serving, as during a rolling upgrade).
/// </summary>
internal sealed class DatabaseHealthCheck(IDbContextFactory<VendorRiskDbContext> dbFactory, DatabaseLocation location) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object> { ["provider"] = location.ProviderName };
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            // Reads a real table: a missing or replaced file fails here, not only a closed connection.
            await db.Database.ExecuteSqlRawAsync("""SELECT COUNT(*) FROM "__EFMigrationsHistory" """, cancellationToken);
            var known = db.GetService<IMigrationsAssembly>().Migrations.Keys.ToHashSet(StringComparer.Ordinal);
            var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
            var migrations = known.IsSubsetOf(applied) ? (applied.IsSubsetOf(known) ? "current" : "newer") : "pending";
            data["migrations"] = migrations;
            return migrations switch
            {
                "current" => HealthCheckResult.Healthy(data: data),
                "newer" => HealthCheckResult.Degraded("The database has migrations this build does not know (a newer build runs against it).", data: data),
                _ => HealthCheckResult.Unhealthy("The database lacks migrations of this build.", data: data),
            };
        }
        catch (Exception ex)
        {
            data["migrations"] = "unknown";
            return HealthCheckResult.Unhealthy("The database is not reachable.", ex, data);
        }
    }
}
