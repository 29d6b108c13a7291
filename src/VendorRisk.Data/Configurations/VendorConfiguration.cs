using VendorRisk.Domain.Models;

namespace VendorRisk.Data.Configurations;

public sealed class VendorConfiguration : IEntityTypeConfiguration<Vendor>
{
    public void Configure(EntityTypeBuilder<Vendor> builder)
    {
        builder.HasIndex(v => v.NormalizedName).IsUnique();
        builder.HasIndex(v => new { v.IsArchived, v.NormalizedName });
        builder.Property(v => v.Name).HasMaxLength(200);
        builder.Property(v => v.Version).IsConcurrencyToken();
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(v => v.OwnerId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(v => v.Assessments).WithOne(a => a.Vendor).HasForeignKey(a => a.VendorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(v => v.Offerings).WithOne(o => o.Vendor).HasForeignKey(o => o.VendorId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ModelOfferingConfiguration : IEntityTypeConfiguration<ModelOffering>
{
    public void Configure(EntityTypeBuilder<ModelOffering> builder)
    {
        builder.HasIndex(o => new { o.VendorId, o.NormalizedName }).IsUnique();
        builder.Property(o => o.Name).HasMaxLength(ModelOfferingLimits.NameMaxLength);
        builder.Property(o => o.NormalizedName).HasMaxLength(ModelOfferingLimits.NameMaxLength);
        builder.Property(o => o.ProviderModelId).HasMaxLength(ModelOfferingLimits.ProviderModelIdMaxLength);
        builder.Property(o => o.Channel).HasKebabConversion(ModelChannel.Other, 30);
        builder.Property(o => o.Status).HasKebabConversion(ModelOfferingStatus.Active, 30);
        builder.Property(o => o.Version).IsConcurrencyToken();
    }
}
