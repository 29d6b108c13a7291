namespace VendorRisk.Data.Configurations;

public sealed class QuestionSetConfiguration : IEntityTypeConfiguration<QuestionSet>
{
    public void Configure(EntityTypeBuilder<QuestionSet> builder)
    {
        builder.HasIndex(s => s.Key).IsUnique();
        builder.Property(s => s.Key).HasMaxLength(64);
        builder.Property(s => s.Title).HasMaxLength(200);
        builder.HasMany(s => s.Versions).WithOne(v => v.QuestionSet).HasForeignKey(v => v.QuestionSetId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class QuestionSetVersionConfiguration : IEntityTypeConfiguration<QuestionSetVersion>
{
    public void Configure(EntityTypeBuilder<QuestionSetVersion> builder)
    {
        builder.HasIndex(v => new { v.QuestionSetId, v.Number }).IsUnique();
        builder.Property(v => v.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(v => v.Title).HasMaxLength(200);
    }
}
