using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Will.Marketplace.Infrastructure.Persistence.Entities;

namespace Will.Marketplace.Infrastructure.Persistence.Configurations;

internal sealed class SubsidyProgrammeConfiguration : IEntityTypeConfiguration<SubsidyProgrammeRecord>
{
    public void Configure(EntityTypeBuilder<SubsidyProgrammeRecord> builder)
    {
        builder.ToTable("SubsidyProgrammes");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.MunicipalityCode).HasMaxLength(6).IsUnicode(false);
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.Categories).HasMaxLength(400).IsUnicode(false);
        builder.Property(p => p.Bands).HasMaxLength(4000).IsUnicode(false);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasIndex(p => p.MunicipalityCode);
    }
}

internal sealed class IseeDeclarationConfiguration : IEntityTypeConfiguration<IseeDeclarationRecord>
{
    public void Configure(EntityTypeBuilder<IseeDeclarationRecord> builder)
    {
        builder.ToTable("IseeDeclarations");
        builder.HasKey(d => d.FamilyId);
        builder.Property(d => d.DsuProtocol).HasMaxLength(40).IsUnicode(false);
    }
}

internal sealed class SubsidyGrantConfiguration : IEntityTypeConfiguration<SubsidyGrantRecord>
{
    public void Configure(EntityTypeBuilder<SubsidyGrantRecord> builder)
    {
        builder.ToTable("SubsidyGrants");
        builder.HasKey(g => new { g.OrderId, g.Period, g.FamilyId });
        builder.Property(g => g.Period).HasMaxLength(7).IsUnicode(false);
        builder.Property(g => g.MunicipalityCode).HasMaxLength(6).IsUnicode(false);
        builder.Property(g => g.SettlementReference).HasMaxLength(100);
        builder.HasIndex(g => g.ProgrammeId);
        builder.HasIndex(g => new { g.MunicipalityCode, g.Period });
        builder.HasOne<SubsidyProgrammeRecord>().WithMany().HasForeignKey(g => g.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<OrderRecord>().WithMany().HasForeignKey(g => g.OrderId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class BillConfiguration : IEntityTypeConfiguration<BillRecord>
{
    public void Configure(EntityTypeBuilder<BillRecord> builder)
    {
        builder.ToTable("Bills");
        builder.HasKey(b => new { b.OrderId, b.Period, b.Revision });
        builder.Property(b => b.Period).HasMaxLength(7).IsUnicode(false);
        builder.Property(b => b.Shares).IsUnicode(false);
        builder.HasOne<OrderRecord>().WithMany().HasForeignKey(b => b.OrderId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PaymentInstructionConfiguration : IEntityTypeConfiguration<PaymentInstructionRecord>
{
    public void Configure(EntityTypeBuilder<PaymentInstructionRecord> builder)
    {
        builder.ToTable("PaymentInstructions");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Kind).HasMaxLength(20).IsUnicode(false);
        builder.Property(p => p.Period).HasMaxLength(7).IsUnicode(false);
        builder.Property(p => p.IdempotencyKey).HasMaxLength(200).IsUnicode(false);
        builder.Property(p => p.Status).HasMaxLength(20).IsUnicode(false);
        builder.Property(p => p.StripeId).HasMaxLength(100).IsUnicode(false);
        builder.Property(p => p.LastError).HasMaxLength(1000);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasIndex(p => p.IdempotencyKey).IsUnique();
        builder.HasIndex(p => new { p.OrderId, p.Period });
        builder.HasIndex(p => p.Status);
        builder.HasOne<OrderRecord>().WithMany().HasForeignKey(p => p.OrderId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class LedgerEntryConfiguration : IEntityTypeConfiguration<LedgerEntryRecord>
{
    public void Configure(EntityTypeBuilder<LedgerEntryRecord> builder)
    {
        builder.ToTable("LedgerEntries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Movement).HasMaxLength(30).IsUnicode(false);
        builder.Property(e => e.Period).HasMaxLength(7).IsUnicode(false);
        builder.Property(e => e.AccountKind).HasMaxLength(30).IsUnicode(false);
        builder.Property(e => e.AccountOwner).HasMaxLength(40).IsUnicode(false);
        builder.Property(e => e.Reference).HasMaxLength(200).IsUnicode(false);
        builder.HasIndex(e => new { e.AccountKind, e.AccountOwner });
        builder.HasIndex(e => e.OrderId);
        builder.HasIndex(e => e.PostingId);
    }
}

internal sealed class ReconciliationItemConfiguration : IEntityTypeConfiguration<ReconciliationItemRecord>
{
    public void Configure(EntityTypeBuilder<ReconciliationItemRecord> builder)
    {
        builder.ToTable("ReconciliationItems");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.MunicipalityCode).HasMaxLength(6).IsUnicode(false);
        builder.Property(r => r.Kind).HasMaxLength(40).IsUnicode(false);
        builder.Property(r => r.Detail).HasMaxLength(1000);
        builder.Property(r => r.Reference).HasMaxLength(200).IsUnicode(false);
        builder.HasIndex(r => new { r.MunicipalityCode, r.ResolvedAt });
        builder.HasIndex(r => r.Reference).IsUnique();
    }
}

internal sealed class FamilyPaymentProfileConfiguration : IEntityTypeConfiguration<FamilyPaymentProfileRecord>
{
    public void Configure(EntityTypeBuilder<FamilyPaymentProfileRecord> builder)
    {
        builder.ToTable("FamilyPaymentProfiles");
        builder.HasKey(p => p.FamilyId);
        builder.Property(p => p.StripeCustomerId).HasMaxLength(100).IsUnicode(false);
        builder.Property(p => p.SetupIntentId).HasMaxLength(100).IsUnicode(false);
        builder.Property(p => p.PaymentMethodId).HasMaxLength(100).IsUnicode(false);
    }
}
