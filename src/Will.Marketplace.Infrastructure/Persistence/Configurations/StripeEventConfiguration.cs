using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Will.Marketplace.Infrastructure.Persistence.Entities;

namespace Will.Marketplace.Infrastructure.Persistence.Configurations;

internal sealed class StripeEventConfiguration : IEntityTypeConfiguration<StripeEventRecord>
{
    public void Configure(EntityTypeBuilder<StripeEventRecord> builder)
    {
        builder.ToTable("StripeEvents");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).HasMaxLength(255).IsUnicode(false);
        builder.Property(e => e.Type).HasMaxLength(100).IsUnicode(false);
        builder.Property(e => e.Outcome).HasMaxLength(20).IsUnicode(false);
    }
}
