using VendorRisk.Domain.EvidenceFiles;

namespace VendorRisk.Data.Configurations;

public sealed class EvidenceFileConfiguration : IEntityTypeConfiguration<EvidenceFile>
{
    public void Configure(EntityTypeBuilder<EvidenceFile> builder)
    {
        builder.Property(f => f.QuestionKey).HasMaxLength(64);
        builder.Property(f => f.Name).HasMaxLength(EvidenceLimits.NameMaxLength);
        builder.Property(f => f.ContentType).HasMaxLength(EvidenceLimits.ContentTypeMaxLength);
        builder.Property(f => f.Sha256).HasMaxLength(64).IsFixedLength();
        builder.Property(f => f.UploadedByName).HasMaxLength(256);
        builder.HasIndex(f => new { f.AssessmentId, f.QuestionKey });
        builder.HasIndex(f => f.ValidUntil);
        builder.HasOne(f => f.Assessment).WithMany().HasForeignKey(f => f.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(f => f.Content).WithOne().HasForeignKey<EvidenceFileContent>(c => c.EvidenceFileId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class EvidenceFileContentConfiguration : IEntityTypeConfiguration<EvidenceFileContent>
{
    public void Configure(EntityTypeBuilder<EvidenceFileContent> builder) => builder.HasKey(c => c.EvidenceFileId);
}
