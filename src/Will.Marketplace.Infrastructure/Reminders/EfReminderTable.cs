using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Configuration;
using Orleans.Runtime;
using Will.Marketplace.Infrastructure.Persistence;
using Will.Marketplace.Infrastructure.Persistence.Entities;

namespace Will.Marketplace.Infrastructure.Reminders;

/// <summary>
/// Orleans reminders kept in the marketplace database, so deadlines survive restarts on every
/// provider the product runs on, the embedded SQLite file included. Each row carries an ETag that
/// changes on every write; a remove with a stale ETag removes nothing.
/// </summary>
internal sealed class EfReminderTable(IDbContextFactory<MarketplaceDbContext> contexts, GroupCommit writes, IOptions<ClusterOptions> cluster) : IReminderTable
{
    private readonly string _serviceId = cluster.Value.ServiceId;

    public async Task<ReminderTableData> ReadRows(GrainId grainId)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var key = grainId.ToString();
        var rows = await db.Reminders.AsNoTracking().Where(r => r.ServiceId == _serviceId && r.GrainId == key).ToListAsync();
        return new ReminderTableData(rows.Select(ToEntry));
    }

    /// <summary>The rows of one silo's ring range: (begin, end], wrapping round when begin ≥ end.</summary>
    public async Task<ReminderTableData> ReadRows(uint begin, uint end)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var (from, to) = ((long)begin, (long)end);
        var rows = db.Reminders.AsNoTracking().Where(r => r.ServiceId == _serviceId);
        rows = begin < end
            ? rows.Where(r => r.GrainHash > from && r.GrainHash <= to)
            : rows.Where(r => r.GrainHash > from || r.GrainHash <= to);
        return new ReminderTableData((await rows.ToListAsync()).Select(ToEntry));
    }

    public async Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var row = await db.Reminders.AsNoTracking().SingleOrDefaultAsync(r => r.ServiceId == _serviceId && r.GrainId == grainId.ToString() && r.Name == reminderName);
        return row is null ? null : ToEntry(row);
    }

    /// <summary>Group-committed: a pool reaching quorum registers its deadline in the same flush as other writes.</summary>
    public async Task<string?> UpsertRow(ReminderEntry entry)
    {
        var key = entry.GrainId.ToString();
        return await writes.WriteAsync($"reminder:{key}/{entry.ReminderName}", async db =>
        {
            // Updated where it is, inserted where it is not: no read, as plain statements (RowSql).
            var row = new ReminderRecord
            {
                ServiceId = _serviceId,
                GrainId = key,
                Name = entry.ReminderName,
                StartAt = new DateTimeOffset(DateTime.SpecifyKind(entry.StartAt, DateTimeKind.Utc)),
                PeriodTicks = entry.Period.Ticks,
                GrainHash = entry.GrainId.GetUniformHashCode(),
                ETag = Guid.NewGuid(),
            };
            if (!await RowSql.TryUpdateAsync(db, row))
            {
                await RowSql.InsertAsync(db, row);
            }

            return row.ETag.ToString("N");
        });
    }

    public async Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag)
    {
        if (!Guid.TryParse(eTag, out var expected))
        {
            return false;
        }

        await using var db = await contexts.CreateDbContextAsync();
        var key = grainId.ToString();

        // In a transaction so SQLite's in-process write queue covers the delete; retried whole where
        // the database's execution strategy retries.
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var removed = await db.Reminders
                .Where(r => r.ServiceId == _serviceId && r.GrainId == key && r.Name == reminderName && r.ETag == expected)
                .ExecuteDeleteAsync();
            await transaction.CommitAsync();
            return removed == 1;
        });
    }

    public async Task TestOnlyClearTable()
    {
        await using var db = await contexts.CreateDbContextAsync();
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.Reminders.Where(r => r.ServiceId == _serviceId).ExecuteDeleteAsync();
            await transaction.CommitAsync();
        });
    }

    private static ReminderEntry ToEntry(ReminderRecord row) => new()
    {
        GrainId = GrainId.Parse(row.GrainId),
        ReminderName = row.Name,
        StartAt = row.StartAt.UtcDateTime,
        Period = TimeSpan.FromTicks(row.PeriodTicks),
        ETag = row.ETag.ToString("N"),
    };
}
