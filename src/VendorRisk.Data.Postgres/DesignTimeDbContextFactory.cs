using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace VendorRisk.Data.Postgres;

/// <summary>
/// Lets <c>dotnet ef</c> build the PostgreSQL model (no server needed to add a migration):
/// <c>dotnet ef migrations add &lt;Name&gt; --project src/VendorRisk.Data.Postgres --startup-project src/VendorRisk.Data.Postgres</c>.
/// </summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<VendorRiskDbContext>
{
    public VendorRiskDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<VendorRiskDbContext>();
        DependencyInjection.Configure(options, new DatabaseLocation("Host=localhost;Database=vendorrisk_design", DatabaseProvider.Postgres));
        return new VendorRiskDbContext(options.Options);
    }
}
