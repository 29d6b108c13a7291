using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VendorRisk.Data.Entities;

namespace VendorRisk.Data.Configurations;

public sealed class VendorConfiguration : IEntityTypeConfiguration<Vendor>
{
    public void Configure(EntityTypeBuilder<Vendor> builder)
    {
        builder.HasIndex(v => v.NormalizedName).IsUnique();
        builder.Property(v => v.Name).HasMaxLength(200);
        builder.Property(v => v.Version).IsConcurrencyToken();
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(v => v.OwnerId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(v => v.Assessments).WithOne(a => a.Vendor).HasForeignKey(a => a.VendorId).OnDelete(DeleteBehavior.Restrict);
    }
}
