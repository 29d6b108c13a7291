using VendorRisk.Domain.Assessments;

namespace VendorRisk.Data.Configurations;

public sealed class AssessmentConfiguration : IEntityTypeConfiguration<Assessment>
{
    public void Configure(EntityTypeBuilder<Assessment> builder)
    {
        builder.Property(a => a.Status).HasKebabConversion(AssessmentStatus.Draft, 30);
        builder.Property(a => a.Title).HasMaxLength(AssessmentLimits.TitleMaxLength);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasIndex(a => a.Status);
        // The lists and the dashboard: newest first, per vendor, per assessor.
        builder.HasIndex(a => a.CreatedAt);
        builder.HasIndex(a => new { a.VendorId, a.Status, a.ReviewedAt });
        builder.HasIndex(a => new { a.AssessorId, a.Status });
        builder.HasIndex(a => a.ScoreOverall);
        builder.Property(a => a.ScoreRating).HasMaxLength(100);
        builder.Property(a => a.ScoreBandRating).HasMaxLength(100);
        builder.Property(a => a.ScoreCappedRating).HasMaxLength(100);
        builder.PrimitiveCollection(a => a.ScoreSections).Metadata.SetValueComparer(ScoreListComparers.Sections);
        builder.PrimitiveCollection(a => a.ScoreKnockouts).Metadata.SetValueComparer(ScoreListComparers.Knockouts);
        builder.HasOne(a => a.QuestionSetVersion).WithMany().HasForeignKey(a => a.QuestionSetVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.AssessorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.ModelOffering).WithMany().HasForeignKey(a => a.ModelOfferingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Answers).WithOne(a => a.Assessment).HasForeignKey(a => a.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(a => a.ReassessmentNotice).HasConversion(JsonColumn<ReassessmentNotice>.Converter);
        builder.Property(a => a.PrefillNotice).HasConversion(JsonColumn<PrefillNotice>.Converter);
    }
}

public sealed class AnswerConfiguration : IEntityTypeConfiguration<Answer>
{
    public void Configure(EntityTypeBuilder<Answer> builder)
    {
        builder.HasIndex(a => new { a.AssessmentId, a.QuestionKey }).IsUnique();
        builder.Property(a => a.QuestionKey).HasMaxLength(64);
        builder.Property(a => a.EvidenceSource).HasKebabConversion(EvidenceSource.VendorAttestation, 30);
        builder.Property(a => a.Version).IsConcurrencyToken();
    }
}

public sealed class AnswerVersionMarkConfiguration : IEntityTypeConfiguration<AnswerVersionMark>
{
    public void Configure(EntityTypeBuilder<AnswerVersionMark> builder)
    {
        builder.HasKey(m => new { m.AssessmentId, m.QuestionKey });
        builder.Property(m => m.QuestionKey).HasMaxLength(64);
        builder.HasOne<Assessment>().WithMany().HasForeignKey(m => m.AssessmentId).OnDelete(DeleteBehavior.Cascade);
    }
}
