using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using VendorRisk.Data.Entities;

namespace VendorRisk.Data;

/// <summary>
/// The one database of the app: identity, data-protection keys, question sets, vendors,
/// assessments, answers and the audit log.
/// </summary>
/// <remarks>
/// To change the schema, edit the entity and its configuration, then from the repository root:
/// <c>dotnet ef migrations add &lt;Name&gt; --project src/VendorRisk.Data --startup-project src/VendorRisk.Data</c>.
/// Migrations are applied at start-up; never use EnsureCreated.
/// </remarks>
public sealed class VendorRiskDbContext(DbContextOptions<VendorRiskDbContext> options)
    : IdentityUserContext<ApplicationUser>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<QuestionSet> QuestionSets => Set<QuestionSet>();
    public DbSet<QuestionSetVersion> QuestionSetVersions => Set<QuestionSetVersion>();
    public DbSet<Vendor> Vendors => Set<Vendor>();
    public DbSet<Assessment> Assessments => Set<Assessment>();
    public DbSet<Answer> Answers => Set<Answer>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<SavedWeighting> SavedWeightings => Set<SavedWeighting>();
    public DbSet<SavedWorkloadProfile> WorkloadProfiles => Set<SavedWorkloadProfile>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<Finding> Findings => Set<Finding>();
    public DbSet<RiskAcceptance> RiskAcceptances => Set<RiskAcceptance>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(VendorRiskDbContext).Assembly);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        PublishedVersionGuard.ThrowIfPublishedContentChanged(ChangeTracker);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        PublishedVersionGuard.ThrowIfPublishedContentChanged(ChangeTracker);
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }
}
