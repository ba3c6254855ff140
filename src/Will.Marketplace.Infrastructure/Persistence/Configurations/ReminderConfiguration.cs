using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Will.Marketplace.Infrastructure.Persistence.Entities;

namespace Will.Marketplace.Infrastructure.Persistence.Configurations;

internal sealed class ReminderConfiguration : IEntityTypeConfiguration<ReminderRecord>
{
    public void Configure(EntityTypeBuilder<ReminderRecord> builder)
    {
        builder.ToTable("Reminders");
        builder.HasKey(r => new { r.ServiceId, r.GrainId, r.Name });
        builder.Property(r => r.ServiceId).HasMaxLength(150).IsUnicode(false);
        builder.Property(r => r.GrainId).HasMaxLength(200).IsUnicode(false);
        builder.Property(r => r.Name).HasMaxLength(150);
        builder.Property(r => r.ETag).IsConcurrencyToken();
        builder.HasIndex(r => new { r.ServiceId, r.GrainHash });
    }
}
