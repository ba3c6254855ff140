using System.Data.Common;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;
using Microsoft.EntityFrameworkCore.Metadata.Conventions.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.DependencyInjection;
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

    public DbSet<PoolMessageRecord> PoolMessages => Set<PoolMessageRecord>();

    public DbSet<OrderPeriodRecord> OrderPeriods => Set<OrderPeriodRecord>();

    public DbSet<SubsidyProgrammeRecord> SubsidyProgrammes => Set<SubsidyProgrammeRecord>();

    public DbSet<IseeDeclarationRecord> IseeDeclarations => Set<IseeDeclarationRecord>();

    public DbSet<SubsidyGrantRecord> SubsidyGrants => Set<SubsidyGrantRecord>();

    public DbSet<BillRecord> Bills => Set<BillRecord>();

    public DbSet<PaymentInstructionRecord> PaymentInstructions => Set<PaymentInstructionRecord>();

    public DbSet<LedgerEntryRecord> LedgerEntries => Set<LedgerEntryRecord>();

    public DbSet<ReconciliationItemRecord> ReconciliationItems => Set<ReconciliationItemRecord>();

    public DbSet<FamilyPaymentProfileRecord> FamilyPaymentProfiles => Set<FamilyPaymentProfileRecord>();

    /// <summary>Commands for <see cref="RowSql"/> statements on this context's connection, kept (and prepared) until the context is given back.</summary>
    private Dictionary<object, DbCommand>? _rowCommands;

    /// <summary>The command for <paramref name="statement"/> on this context's connection: made once per lease, so the database prepares it once.</summary>
    internal DbCommand RowCommand(object statement, string sql)
    {
        _rowCommands ??= new Dictionary<object, DbCommand>(ReferenceEqualityComparer.Instance);
        if (!_rowCommands.TryGetValue(statement, out var command))
        {
            command = Database.GetDbConnection().CreateCommand();
            command.CommandText = sql;
            _rowCommands[statement] = command;
        }

        return command;
    }

    public override void Dispose()
    {
        DropRowCommands();
        base.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        DropRowCommands();
        return base.DisposeAsync();
    }

    private void DropRowCommands()
    {
        foreach (var command in _rowCommands?.Values ?? Enumerable.Empty<DbCommand>())
        {
            command.Dispose();
        }

        _rowCommands = null;
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(MarketplaceDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Conventions.Replace<ForeignKeyIndexConvention>(services => new PlacementPathIndexConvention(services.GetRequiredService<ProviderConventionSetBuilderDependencies>()));

        // SQLite has no date-time type that sorts and compares: store instants as UTC ticks there.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }
}
