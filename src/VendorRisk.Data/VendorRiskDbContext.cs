using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace VendorRisk.Data;

/// <summary>
/// The one database of the app: identity, data-protection keys, question sets, vendors,
/// assessments, answers and the audit log.
/// </summary>
/// <remarks>
/// The schema has one migration set per provider; a schema change adds one migration to each, with the
/// same name. To change the schema, edit the entity and its configuration, then from the repository root
/// (after <c>dotnet tool restore</c>):
/// <code>
/// dotnet ef migrations add &lt;Name&gt; --project src/VendorRisk.Data --startup-project src/VendorRisk.Data
/// dotnet ef migrations add &lt;Name&gt; --project src/VendorRisk.Data.Postgres --startup-project src/VendorRisk.Data.Postgres
/// </code>
/// Raw SQL in a migration (triggers) is written once per provider: SQLite's in VendorRisk.Data/Migrations,
/// PostgreSQL's in VendorRisk.Data.Postgres/Migrations. Unique names ignoring case use an upper- or
/// lower-cased column filled by the app (as <c>Vendor.NormalizedName</c>), never a SQLite <c>NOCASE</c>
/// collation, which PostgreSQL does not have. Migrations are applied at start-up; never use EnsureCreated.
/// </remarks>
public sealed class VendorRiskDbContext(DbContextOptions<VendorRiskDbContext> options)
    : IdentityUserContext<ApplicationUser>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<QuestionSet> QuestionSets => Set<QuestionSet>();
    public DbSet<QuestionSetVersion> QuestionSetVersions => Set<QuestionSetVersion>();
    public DbSet<Vendor> Vendors => Set<Vendor>();
    public DbSet<ModelOffering> ModelOfferings => Set<ModelOffering>();
    public DbSet<Assessment> Assessments => Set<Assessment>();
    public DbSet<Answer> Answers => Set<Answer>();
    public DbSet<AnswerVersionMark> AnswerVersionMarks => Set<AnswerVersionMark>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<SavedWeighting> SavedWeightings => Set<SavedWeighting>();
    public DbSet<SavedWorkloadProfile> WorkloadProfiles => Set<SavedWorkloadProfile>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<Finding> Findings => Set<Finding>();
    public DbSet<RiskAcceptance> RiskAcceptances => Set<RiskAcceptance>();
    public DbSet<EvidenceFile> EvidenceFiles => Set<EvidenceFile>();
    public DbSet<EvidenceFileContent> EvidenceFileContents => Set<EvidenceFileContent>();
    public DbSet<PortalInvitation> PortalInvitations => Set<PortalInvitation>();
    public DbSet<VendorAnswer> VendorAnswers => Set<VendorAnswer>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<SentReminder> SentReminders => Set<SentReminder>();
    public DbSet<JobLease> JobLeases => Set<JobLease>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(VendorRiskDbContext).Assembly);
        if (Database.IsNpgsql())
            UseBinaryOrderingOfText(builder);
    }

    /// <summary>
    /// Text sorts and compares by code point on PostgreSQL as it does on SQLite (BINARY), whatever the
    /// server's locale, so lists come out in the same order on both.
    /// </summary>
    private static void UseBinaryOrderingOfText(ModelBuilder builder)
    {
        foreach (var property in builder.Model.GetEntityTypes().SelectMany(e => e.GetProperties()).Where(p => p.ClrType == typeof(string)))
            property.SetCollation("C");
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        using var detected = DetectChangesOnce();
        PublishedVersionGuard.ThrowIfPublishedContentChanged(ChangeTracker);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        using var detected = DetectChangesOnce();
        PublishedVersionGuard.ThrowIfPublishedContentChanged(ChangeTracker);
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>
    /// Detects changes once for the whole save. The guard, each interceptor's <c>ChangeTracker.Entries()</c> and EF itself
    /// would otherwise walk every tracked entity again, four walks per save on the autosave's path. The interceptors only
    /// read entries or stamp added ones (an added entity is inserted with its current values), so nothing they do needs
    /// detecting again.
    /// </summary>
    private ChangesDetected DetectChangesOnce()
    {
        if (!ChangeTracker.AutoDetectChangesEnabled)
            return default;
        ChangeTracker.DetectChanges();
        ChangeTracker.AutoDetectChangesEnabled = false;
        return new ChangesDetected(ChangeTracker);
    }

    private readonly struct ChangesDetected(ChangeTracker? tracker) : IDisposable
    {
        public void Dispose()
        {
            if (tracker is not null)
                tracker.AutoDetectChangesEnabled = true;
        }
    }
}
