using VendorRisk.Domain.Findings;
using VendorRisk.Domain.Scoring;

namespace VendorRisk.Data.Configurations;

public sealed class FindingConfiguration : IEntityTypeConfiguration<Finding>
{
    public void Configure(EntityTypeBuilder<Finding> builder)
    {
        builder.Property(f => f.Title).HasMaxLength(FindingLimits.TitleMaxLength);
        builder.Property(f => f.Description).HasMaxLength(FindingLimits.DescriptionMaxLength);
        builder.Property(f => f.Justification).HasMaxLength(FindingLimits.JustificationMaxLength);
        builder.Property(f => f.QuestionKey).HasMaxLength(64);
        builder.Property(f => f.Severity).HasKebabConversion(FindingSeverity.Medium, 20);
        builder.Property(f => f.Status).HasKebabConversion(FindingStatus.Open, 20);
        builder.Property(f => f.Version).IsConcurrencyToken();
        builder.HasIndex(f => f.AssessmentId);
        builder.HasIndex(f => new { f.Status, f.DueDate });
        builder.HasIndex(f => f.OwnerId);
        builder.HasOne(f => f.Assessment).WithMany().HasForeignKey(f => f.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(f => f.OwnerId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class RiskAcceptanceConfiguration : IEntityTypeConfiguration<RiskAcceptance>
{
    public void Configure(EntityTypeBuilder<RiskAcceptance> builder)
    {
        builder.Property(a => a.QuestionKey).HasMaxLength(64);
        builder.Property(a => a.Justification).HasMaxLength(KnockoutAcceptancePolicy.JustificationMaxLength);
        builder.HasIndex(a => new { a.AssessmentId, a.QuestionKey });
        builder.HasOne(a => a.Assessment).WithMany().HasForeignKey(a => a.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.AcceptedById).OnDelete(DeleteBehavior.Restrict);
    }
}
