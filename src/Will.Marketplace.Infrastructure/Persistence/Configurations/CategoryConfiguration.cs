using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Will.Marketplace.Infrastructure.Persistence.Entities;

namespace Will.Marketplace.Infrastructure.Persistence.Configurations;

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<CategoryRecord>
{
    public void Configure(EntityTypeBuilder<CategoryRecord> builder)
    {
        builder.ToTable("ServiceCategories");
        builder.HasKey(c => c.Code);
        builder.Property(c => c.Code).HasMaxLength(40).IsUnicode(false);
        builder.Property(c => c.PoolingMode).HasMaxLength(20).IsUnicode(false);
        builder.Property(c => c.MatchedAttributes).HasMaxLength(200).IsUnicode(false);
    }
}

internal sealed class CategorySettingConfiguration : IEntityTypeConfiguration<CategorySettingRecord>
{
    public void Configure(EntityTypeBuilder<CategorySettingRecord> builder)
    {
        builder.ToTable("CategorySettings");
        builder.HasKey(s => new { s.MunicipalityCode, s.CategoryCode });
        builder.Property(s => s.MunicipalityCode).HasMaxLength(6).IsUnicode(false);
        builder.Property(s => s.CategoryCode).HasMaxLength(40).IsUnicode(false);
        builder.HasOne<MunicipalityRecord>().WithMany().HasForeignKey(s => s.MunicipalityCode);
        builder.HasOne<CategoryRecord>().WithMany().HasForeignKey(s => s.CategoryCode);
    }
}
