namespace VendorRisk.Data.Configurations;

public sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(Domain.Access.UserLimits.DisplayNameMaxLength);
        builder.Property(u => u.Role).HasMaxLength(20);
    }
}
