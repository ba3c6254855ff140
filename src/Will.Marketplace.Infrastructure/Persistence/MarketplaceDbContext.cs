using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Will.Marketplace.Infrastructure.Identity;
using Will.Marketplace.Infrastructure.Persistence.Entities;

namespace Will.Marketplace.Infrastructure.Persistence;

/// <summary>The system of record, on every provider: SQLite, SQL Server and PostgreSQL.</summary>
public sealed class MarketplaceDbContext(DbContextOptions<MarketplaceDbContext> options)
    : IdentityDbContext<AppUser, AppRole, Guid>(options)
{
    public DbSet<MunicipalityRecord> Municipalities => Set<MunicipalityRecord>();

    public DbSet<CategoryRecord> Categories => Set<CategoryRecord>();

    public DbSet<CategorySettingRecord> CategorySettings => Set<CategorySettingRecord>();

    public DbSet<RequestRecord> Requests => Set<RequestRecord>();

    public DbSet<PoolRecord> Pools => Set<PoolRecord>();

    public DbSet<PoolMembershipRecord> PoolMemberships => Set<PoolMembershipRecord>();

    public DbSet<StripeEventRecord> StripeEvents => Set<StripeEventRecord>();

    public DbSet<AuditEntryRecord> AuditLog => Set<AuditEntryRecord>();

    public DbSet<ReminderRecord> Reminders => Set<ReminderRecord>();

    public DbSet<ProviderRecord> Providers => Set<ProviderRecord>();

    public DbSet<AccreditationRecord> Accreditations => Set<AccreditationRecord>();

    public DbSet<BidRecord> Bids => Set<BidRecord>();

    public DbSet<AwardWeightsRecord> AwardWeights => Set<AwardWeightsRecord>();

    public DbSet<AwardRecord> Awards => Set<AwardRecord>();

    public DbSet<OrderRecord> Orders => Set<OrderRecord>();

    public DbSet<OrderRatingRecord> OrderRatings => Set<OrderRatingRecord>();

    public DbSet<OrderPeriodRecord> OrderPeriods => Set<OrderPeriodRecord>();

    public DbSet<SubsidyProgrammeRecord> SubsidyProgrammes => Set<SubsidyProgrammeRecord>();

    public DbSet<IseeDeclarationRecord> IseeDeclarations => Set<IseeDeclarationRecord>();

    public DbSet<SubsidyGrantRecord> SubsidyGrants => Set<SubsidyGrantRecord>();

    public DbSet<BillRecord> Bills => Set<BillRecord>();

    public DbSet<PaymentInstructionRecord> PaymentInstructions => Set<PaymentInstructionRecord>();

    public DbSet<LedgerEntryRecord> LedgerEntries => Set<LedgerEntryRecord>();

    public DbSet<ReconciliationItemRecord> ReconciliationItems => Set<ReconciliationItemRecord>();

    public DbSet<FamilyPaymentProfileRecord> FamilyPaymentProfiles => Set<FamilyPaymentProfileRecord>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(MarketplaceDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no date-time type that sorts and compares: store instants as UTC ticks there.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }
}
