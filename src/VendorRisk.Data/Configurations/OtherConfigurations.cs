using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace VendorRisk.Data.Configurations;

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.HasIndex(a => a.At);
        builder.HasIndex(a => new { a.EntityType, a.EntityId });
        builder.HasIndex(a => a.UserId);
        builder.HasIndex(a => a.Action);
        builder.Property(a => a.Action).HasMaxLength(60);
        builder.Property(a => a.EntityType).HasMaxLength(40);
    }
}

public sealed class SavedWeightingConfiguration : IEntityTypeConfiguration<SavedWeighting>
{
    public void Configure(EntityTypeBuilder<SavedWeighting> builder)
    {
        builder.HasIndex(w => new { w.QuestionSetKey, w.Name }).IsUnique();
        builder.Property(w => w.Name).HasMaxLength(100);
        builder.Property(w => w.Multipliers)
            .HasConversion(
                m => JsonSerializer.Serialize(m, (JsonSerializerOptions?)null),
                s => JsonSerializer.Deserialize<Dictionary<string, double>>(s, (JsonSerializerOptions?)null) ?? new())
            .Metadata.SetValueComparer(new ValueComparer<Dictionary<string, double>>(
                (a, b) => a!.Count == b!.Count && !a.Except(b).Any(),
                m => m.Aggregate(0, (h, kv) => HashCode.Combine(h, kv.Key, kv.Value)),
                m => new Dictionary<string, double>(m)));
    }
}

public sealed class SavedWorkloadProfileConfiguration : IEntityTypeConfiguration<SavedWorkloadProfile>
{
    public void Configure(EntityTypeBuilder<SavedWorkloadProfile> builder)
    {
        builder.HasIndex(p => p.Name).IsUnique();
        builder.Property(p => p.Name).HasMaxLength(100);
    }
}

public sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> builder)
    {
        builder.HasIndex(t => t.TokenHash).IsUnique();
        builder.Property(t => t.Name).HasMaxLength(100);
        builder.HasOne(t => t.User).WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
