using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Will.Marketplace.Infrastructure.Persistence.Entities;

namespace Will.Marketplace.Infrastructure.Persistence.Configurations;

internal sealed class RequestConfiguration : IEntityTypeConfiguration<RequestRecord>
{
    public void Configure(EntityTypeBuilder<RequestRecord> builder)
    {
        builder.ToTable("Requests");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.MunicipalityCode).HasMaxLength(6).IsUnicode(false);
        builder.Property(r => r.CategoryCode).HasMaxLength(40).IsUnicode(false);
        builder.Property(r => r.Schedule).HasMaxLength(2000).IsUnicode(false);
        builder.Property(r => r.Attributes).HasMaxLength(4000);
        builder.Property(r => r.Status).HasMaxLength(20).IsUnicode(false);
        builder.HasIndex(r => new { r.FamilyId, r.CreatedAt });
        builder.HasOne<MunicipalityRecord>().WithMany().HasForeignKey(r => r.MunicipalityCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CategoryRecord>().WithMany().HasForeignKey(r => r.CategoryCode).OnDelete(DeleteBehavior.Restrict);
    }
}
