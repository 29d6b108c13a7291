namespace VendorRisk.Data.Configurations;

public sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("OutboxMessages");
        builder.Property(m => m.Status).HasKebabConversion(OutboxStatus.Pending, 20);
        builder.Property(m => m.Kind).HasMaxLength(OutboxMessage.KindMaxLength);
        builder.Property(m => m.ToAddress).HasMaxLength(OutboxMessage.AddressMaxLength);
        builder.Property(m => m.ToName).HasMaxLength(OutboxMessage.NameMaxLength);
        builder.Property(m => m.Subject).HasMaxLength(OutboxMessage.SubjectMaxLength);
        builder.Property(m => m.LeaseOwner).HasMaxLength(OutboxMessage.LeaseOwnerMaxLength);
        builder.Property(m => m.LastError).HasMaxLength(OutboxMessage.ErrorMaxLength);
        // The sender's claim query: pending messages that are due.
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt });
        builder.HasIndex(m => m.LeaseOwner);
    }
}

public sealed class SentReminderConfiguration : IEntityTypeConfiguration<SentReminder>
{
    public void Configure(EntityTypeBuilder<SentReminder> builder)
    {
        builder.Property(r => r.Key).HasMaxLength(SentReminder.KeyMaxLength);
        builder.HasIndex(r => r.Key).IsUnique();
    }
}

public sealed class JobLeaseConfiguration : IEntityTypeConfiguration<JobLease>
{
    public void Configure(EntityTypeBuilder<JobLease> builder)
    {
        builder.HasKey(l => l.Name);
        builder.Property(l => l.Name).HasMaxLength(JobLease.NameMaxLength);
        builder.Property(l => l.Owner).HasMaxLength(OutboxMessage.LeaseOwnerMaxLength);
    }
}
