using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Will.Marketplace.Infrastructure.Persistence.Entities;

namespace Will.Marketplace.Infrastructure.Persistence.Configurations;

internal sealed class PoolConfiguration : IEntityTypeConfiguration<PoolRecord>
{
    public void Configure(EntityTypeBuilder<PoolRecord> builder)
    {
        builder.ToTable("DemandPools");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.MunicipalityCode).HasMaxLength(6).IsUnicode(false);
        builder.Property(p => p.CategoryCode).HasMaxLength(40).IsUnicode(false);
        builder.Property(p => p.Status).HasMaxLength(20).IsUnicode(false);
        builder.Property(p => p.Schedule).HasMaxLength(2000).IsUnicode(false);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasIndex(p => new { p.MunicipalityCode, p.CategoryCode, p.Status });
        builder.HasMany(p => p.Members).WithOne().HasForeignKey(m => m.PoolId);
        builder.HasOne<MunicipalityRecord>().WithMany().HasForeignKey(p => p.MunicipalityCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CategoryRecord>().WithMany().HasForeignKey(p => p.CategoryCode).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PoolMembershipConfiguration : IEntityTypeConfiguration<PoolMembershipRecord>
{
    public void Configure(EntityTypeBuilder<PoolMembershipRecord> builder)
    {
        builder.ToTable("PoolMemberships");
        builder.HasKey(m => new { m.PoolId, m.RequestId });

        // No index on FamilyId: a family's memberships are found through its requests (indexed by
        // family) and the index on RequestId, so a placement's commit writes no page for it.
        builder.HasOne(m => m.Request).WithMany().HasForeignKey(m => m.RequestId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PoolMessageConfiguration : IEntityTypeConfiguration<PoolMessageRecord>
{
    public void Configure(EntityTypeBuilder<PoolMessageRecord> builder)
    {
        builder.ToTable("PoolMessages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Text).HasMaxLength(PoolMessageRecord.MaxTextLength);
        // A pool's thread is read newest last; a family's messages are found to export or erase them.
        builder.HasIndex(m => new { m.PoolId, m.SentAt });
        builder.HasIndex(m => m.FamilyId);
        // Staff read reported messages only, newest reports first.
        builder.HasIndex(m => m.ReportedAt);
        builder.HasOne<PoolRecord>().WithMany().HasForeignKey(m => m.PoolId).OnDelete(DeleteBehavior.Cascade);
    }
}
