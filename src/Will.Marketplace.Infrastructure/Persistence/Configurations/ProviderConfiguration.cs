using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Will.Marketplace.Infrastructure.Persistence.Entities;

namespace Will.Marketplace.Infrastructure.Persistence.Configurations;

internal sealed class ProviderConfiguration : IEntityTypeConfiguration<ProviderRecord>
{
    public void Configure(EntityTypeBuilder<ProviderRecord> builder)
    {
        builder.Property(p => p.StripeAccountId).HasMaxLength(100).IsUnicode(false);
        builder.HasIndex(p => p.StripeAccountId).IsUnique();
        builder.ToTable("Providers");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.LegalName).HasMaxLength(200);
        builder.Property(p => p.VatNumber).HasMaxLength(11).IsUnicode(false);
        builder.Property(p => p.FiscalCode).HasMaxLength(16).IsUnicode(false);
        builder.Property(p => p.ThirdSectorNumber).HasMaxLength(40).IsUnicode(false);
        builder.Property(p => p.Categories).HasMaxLength(400).IsUnicode(false);
        builder.Property(p => p.Coverage).HasMaxLength(2000).IsUnicode(false);
        builder.HasIndex(p => p.VatNumber).IsUnique();
    }
}

internal sealed class AccreditationConfiguration : IEntityTypeConfiguration<AccreditationRecord>
{
    public void Configure(EntityTypeBuilder<AccreditationRecord> builder)
    {
        builder.ToTable("Accreditations");
        builder.HasKey(a => new { a.ProviderId, a.MunicipalityCode, a.CategoryCode });
        builder.Property(a => a.MunicipalityCode).HasMaxLength(6).IsUnicode(false);
        builder.Property(a => a.CategoryCode).HasMaxLength(40).IsUnicode(false);
        builder.Property(a => a.SuspensionReason).HasMaxLength(500);
        builder.HasIndex(a => new { a.MunicipalityCode, a.CategoryCode });
        builder.HasOne<ProviderRecord>().WithMany().HasForeignKey(a => a.ProviderId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<MunicipalityRecord>().WithMany().HasForeignKey(a => a.MunicipalityCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CategoryRecord>().WithMany().HasForeignKey(a => a.CategoryCode).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class BidConfiguration : IEntityTypeConfiguration<BidRecord>
{
    public void Configure(EntityTypeBuilder<BidRecord> builder)
    {
        builder.ToTable("Bids");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.Unit).HasMaxLength(20).IsUnicode(false);
        builder.Property(b => b.Commitments).HasMaxLength(400).IsUnicode(false);
        builder.HasIndex(b => new { b.PoolId, b.ProviderId }).IsUnique();
        builder.HasOne<PoolRecord>().WithMany().HasForeignKey(b => b.PoolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ProviderRecord>().WithMany().HasForeignKey(b => b.ProviderId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AwardWeightsConfiguration : IEntityTypeConfiguration<AwardWeightsRecord>
{
    public void Configure(EntityTypeBuilder<AwardWeightsRecord> builder)
    {
        builder.ToTable("AwardWeights");
        builder.HasKey(w => new { w.MunicipalityCode, w.CategoryCode });
        builder.Property(w => w.MunicipalityCode).HasMaxLength(6).IsUnicode(false);
        builder.Property(w => w.CategoryCode).HasMaxLength(40).IsUnicode(false);
    }
}

internal sealed class AwardConfiguration : IEntityTypeConfiguration<AwardRecord>
{
    public void Configure(EntityTypeBuilder<AwardRecord> builder)
    {
        builder.ToTable("Awards");
        builder.HasKey(a => a.PoolId);
        builder.Property(a => a.Breakdown).HasMaxLength(20_000);
        builder.HasOne<PoolRecord>().WithOne().HasForeignKey<AwardRecord>(a => a.PoolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<BidRecord>().WithMany().HasForeignKey(a => a.BidId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OrderConfiguration : IEntityTypeConfiguration<OrderRecord>
{
    public void Configure(EntityTypeBuilder<OrderRecord> builder)
    {
        builder.ToTable("Orders");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.Unit).HasMaxLength(20).IsUnicode(false);
        builder.Property(o => o.Schedule).HasMaxLength(2000).IsUnicode(false);
        builder.Property(o => o.BillingPeriod).HasMaxLength(20).IsUnicode(false);
        builder.Property(o => o.OutcomeIndicators).HasMaxLength(400).IsUnicode(false);
        builder.HasIndex(o => o.PoolId).IsUnique();
        builder.HasIndex(o => o.ProviderId);
        builder.HasMany(o => o.Members).WithOne().HasForeignKey(m => m.OrderId);
        builder.HasOne<PoolRecord>().WithMany().HasForeignKey(o => o.PoolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ProviderRecord>().WithMany().HasForeignKey(o => o.ProviderId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OrderMemberConfiguration : IEntityTypeConfiguration<OrderMemberRecord>
{
    public void Configure(EntityTypeBuilder<OrderMemberRecord> builder)
    {
        builder.ToTable("OrderMembers");
        builder.HasKey(m => new { m.OrderId, m.RequestId });
        builder.HasIndex(m => m.FamilyId);
    }
}

internal sealed class OrderRatingConfiguration : IEntityTypeConfiguration<OrderRatingRecord>
{
    public void Configure(EntityTypeBuilder<OrderRatingRecord> builder)
    {
        builder.ToTable("OrderRatings");
        builder.HasKey(r => new { r.OrderId, r.FamilyId, r.Period });
        builder.Property(r => r.Period).HasMaxLength(7).IsUnicode(false);
        builder.Property(r => r.Comment).HasMaxLength(1000);
        builder.HasOne<OrderRecord>().WithMany().HasForeignKey(r => r.OrderId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OrderPeriodConfiguration : IEntityTypeConfiguration<OrderPeriodRecord>
{
    public void Configure(EntityTypeBuilder<OrderPeriodRecord> builder)
    {
        builder.ToTable("OrderPeriods");
        builder.HasKey(p => new { p.OrderId, p.Period });
        builder.Property(p => p.Period).HasMaxLength(7).IsUnicode(false);
        builder.Property(p => p.Outcomes).HasMaxLength(4000);
        builder.HasOne<OrderRecord>().WithMany().HasForeignKey(p => p.OrderId).OnDelete(DeleteBehavior.Cascade);
    }
}
