using Microsoft.EntityFrameworkCore.Design;

namespace VendorRisk.Data;

/// <summary>Lets <c>dotnet ef</c> build the SQLite model without starting the web app (PostgreSQL: see VendorRisk.Data.Postgres).</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<VendorRiskDbContext>
{
    public VendorRiskDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<VendorRiskDbContext>();
        DependencyInjection.Configure(options, "Data Source=design-time.db");
        return new VendorRiskDbContext(options.Options);
    }
}
