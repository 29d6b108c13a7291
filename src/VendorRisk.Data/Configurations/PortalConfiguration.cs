namespace VendorRisk.Data.Configurations;

public static class PortalLimits
{
    public const int ContactNameMaxLength = 200;
    public const int ContactEmailMaxLength = 254;
    public const int CommentMaxLength = 2_000;
    public const int MinDays = 1;
    public const int MaxDays = 30;
    public const int DefaultDays = 14;
}

public sealed class PortalInvitationConfiguration : IEntityTypeConfiguration<PortalInvitation>
{
    public void Configure(EntityTypeBuilder<PortalInvitation> builder)
    {
        builder.HasIndex(i => i.TokenHash).IsUnique();
        builder.HasIndex(i => i.AssessmentId);
        builder.Property(i => i.TokenHash).HasMaxLength(64);
        builder.Property(i => i.ContactName).HasMaxLength(PortalLimits.ContactNameMaxLength);
        builder.Property(i => i.ContactEmail).HasMaxLength(PortalLimits.ContactEmailMaxLength);
        builder.HasOne(i => i.Assessment).WithMany().HasForeignKey(i => i.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(i => i.Answers).WithOne(a => a.Invitation).HasForeignKey(a => a.InvitationId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class VendorAnswerConfiguration : IEntityTypeConfiguration<VendorAnswer>
{
    public void Configure(EntityTypeBuilder<VendorAnswer> builder)
    {
        builder.HasIndex(a => new { a.InvitationId, a.QuestionKey }).IsUnique();
        builder.Property(a => a.QuestionKey).HasMaxLength(64);
        builder.Property(a => a.Comment).HasMaxLength(PortalLimits.CommentMaxLength);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Property(a => a.Review).HasKebabConversion(VendorAnswerReview.Pending, 20);
    }
}
