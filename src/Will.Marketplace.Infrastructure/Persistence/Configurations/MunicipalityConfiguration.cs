using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Will.Marketplace.Infrastructure.Persistence.Entities;

namespace Will.Marketplace.Infrastructure.Persistence.Configurations;

internal sealed class MunicipalityConfiguration : IEntityTypeConfiguration<MunicipalityRecord>
{
    public void Configure(EntityTypeBuilder<MunicipalityRecord> builder)
    {
        builder.ToTable("Municipalities");
        builder.HasKey(m => m.Code);
        builder.Property(m => m.Code).HasMaxLength(6).IsUnicode(false);
        builder.Property(m => m.Name).HasMaxLength(100);
        builder.Property(m => m.Region).HasMaxLength(50);
    }
}
