using Microsoft.EntityFrameworkCore;
using Will.Marketplace.Domain.Bidding;
using Will.Marketplace.Domain.Catalog;
using Will.Marketplace.Domain.Geography;
using Will.Marketplace.Domain.Matching;
using Will.Marketplace.Domain.Pools;
using Will.Marketplace.Domain.Ports;
using Will.Marketplace.Domain.Requests;
using Will.Marketplace.Domain.Scheduling;
using Will.Marketplace.Infrastructure.Persistence;
using Will.Marketplace.Infrastructure.Persistence.Entities;

namespace Will.Marketplace.Infrastructure.Stores;

internal sealed class EfDemandPoolStore(IDbContextFactory<MarketplaceDbContext> contexts, ICategoryCatalog catalog, GroupCommit writes, TimeProvider time) : IDemandPoolStore
{
    private static readonly string[] JoinableStatuses = [PoolStatus.Forming.ToName(), PoolStatus.OpenForBids.ToName()];

    /// <summary>Columns a placement's update leaves as they are: those a pool never changes, and then its status when that stayed.</summary>
    private static readonly string[] UnchangedButStatus =
        [nameof(PoolRecord.CreatedAt), nameof(PoolRecord.MunicipalityCode), nameof(PoolRecord.CategoryCode), nameof(PoolRecord.Capacity), nameof(PoolRecord.Quorum)];

    private static readonly VersionedUpdate StatusChanged = new(nameof(PoolRecord.Version), UnchangedButStatus);

    private static readonly VersionedUpdate StatusKept = new(nameof(PoolRecord.Version), [.. UnchangedButStatus, nameof(PoolRecord.Status)]);

    public async Task<DemandPool?> FindAsync(Guid poolId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var record = await WithMembers(db).SingleOrDefaultAsync(p => p.Id == poolId, cancellationToken);
        return record is null ? null : ToDomain(record);
    }

    public async Task<IReadOnlyList<DemandPool>> ListJoinableAsync(string municipalityCode, string categoryCode, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var records = await WithMembers(db)
            .Where(p => p.MunicipalityCode == municipalityCode && p.CategoryCode == categoryCode &&
                        JoinableStatuses.Contains(p.Status) && p.MemberCount < p.Capacity)
            .ToListAsync(cancellationToken);
        return [.. records.Select(ToDomain)];
    }

    public async Task<IReadOnlyList<PoolDeadline>> ListDeadlinesAsync(string municipalityCode, string categoryCode, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var open = PoolStatus.OpenForBids.ToName();
        var deadlines = await db.Pools.AsNoTracking()
            .Where(p => p.MunicipalityCode == municipalityCode && p.CategoryCode == categoryCode && p.Status == open && p.BiddingClosesAt != null)
            .Select(p => new { p.Id, p.BiddingClosesAt })
            .ToListAsync(cancellationToken);
        return [.. deadlines.Select(d => new PoolDeadline(d.Id, d.BiddingClosesAt!.Value))];
    }

    public async Task SaveAsync(DemandPool pool, CareRequest? placedRequest, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        if (placedRequest is not null)
        {
            await SavePlacement(pool, placedRequest, now, cancellationToken);
            return;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await Stage(db, pool, [], now, cancellationToken);
        await Commit(db, pool.Id, cancellationToken);
    }

    /// <summary>
    /// The hot path, a request placed: nobody left, so nothing is read. The pool row inserted when
    /// new, else updated only if its version is still the one the grain loaded; the request and its
    /// membership inserted (a request is placed once: a second insert fails). Group-committed with the
    /// placements made meanwhile in other pools.
    /// </summary>
    private async Task SavePlacement(DemandPool pool, CareRequest placed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var mode = (await catalog.FindAsync(pool.MunicipalityCode, pool.CategoryCode, cancellationToken))?.Mode ?? PoolingMode.Group;
        var (schedule, version, statusSaved) = (pool.ScheduleEnvelope(mode).ToString(), pool.Version, pool.Status == pool.SavedStatus);
        var member = pool.Members.Single(m => m.RequestId == placed.Id);
        try
        {
            // Plain statements, no change tracking: the cost of a placement is mostly here (RowSql).
            await writes.WriteAsync($"pool:{pool.Id}", async db =>
            {
                var record = CopyState(NewRecord(pool), pool, schedule, now);
                if (version == 0)
                {
                    await RowSql.InsertAsync(db, record, cancellationToken);
                }
                else
                {
                    // Checked against the version the grain loaded. What a pool never changes is not
                    // written, nor its status when that stays: a column in the SET makes SQLite rewrite
                    // every index on it, and (municipality, category, status) is indexed.
                    await RowSql.UpdateAsync(db, record, statusSaved ? StatusKept : StatusChanged, version, cancellationToken);
                }

                await RowSql.InsertAsync(db, PlacedRecord(placed, pool.Id, now), cancellationToken);
                await RowSql.InsertAsync(db, new PoolMembershipRecord { PoolId = pool.Id, RequestId = member.RequestId, FamilyId = member.FamilyId, JoinedAt = member.JoinedAt }, cancellationToken);
            }, cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new ConcurrencyConflictException($"Pool {pool.Id} was changed elsewhere (expected version {version}).", ex);
        }
    }

    public async Task SaveAwardAsync(DemandPool pool, AwardDecision award, CollectiveOrder? order, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await Stage(db, pool, [], award.DecidedAt, cancellationToken);
        if (order is not null)
        {
            db.Orders.Add(ToRecord(order, award.DecidedAt));
        }

        var winner = award.Winner;
        db.Awards.Add(new AwardRecord
        {
            PoolId = pool.Id,
            BidId = winner.Bid.Id,
            ProviderId = winner.Bid.ProviderId,
            WeeklyCostCents = winner.WeeklyCost.Cents,
            AwardedAt = award.DecidedAt,
            Breakdown = AwardBreakdownJson.Write(award),
        });
        await Commit(db, pool.Id, cancellationToken);
    }

    public async Task SaveOrderAsync(DemandPool pool, CollectiveOrder order, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        await Stage(db, pool, [], now, cancellationToken);
        db.Orders.Add(ToRecord(order, now));
        await Commit(db, pool.Id, cancellationToken);
    }

    public async Task SaveLapsedAwardAsync(DemandPool pool, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        await Stage(db, pool, [], now, cancellationToken);
        db.Awards.RemoveRange(await db.Awards.Where(a => a.PoolId == pool.Id).ToListAsync(cancellationToken));
        foreach (var bid in await db.Bids.Where(b => b.PoolId == pool.Id && b.WithdrawnAt == null).ToListAsync(cancellationToken))
        {
            (bid.WithdrawnAt, bid.UpdatedAt) = (now, now);
        }

        await Commit(db, pool.Id, cancellationToken);
    }

    private static OrderRecord ToRecord(CollectiveOrder order, DateTimeOffset now) => new()
    {
        Id = order.Id,
        PoolId = order.PoolId,
        ProviderId = order.ProviderId,
        BidId = order.BidId,
        PriceCents = order.Price.Cents,
        Unit = order.Unit == PriceUnit.PerHour ? "per-hour" : "per-session",
        WeeklyCostCents = order.WeeklyCost.Cents,
        Schedule = order.Schedule,
        BillingPeriod = CollectiveOrder.BillingPeriod,
        StartsOn = order.StartsOn,
        OutcomeIndicators = string.Join(',', order.OutcomeIndicators.Order(StringComparer.Ordinal)),
        ContinuityPledge = order.ContinuityPledge,
        HoldbackPercent = order.HoldbackPercent,
        CreatedAt = now,
        Members = [.. order.Members.Select(m => new OrderMemberRecord { OrderId = order.Id, RequestId = m.RequestId, FamilyId = m.FamilyId, JoinedOn = order.StartsOn })],
    };

    public async Task SaveMovesAsync(IReadOnlyList<DemandPool> pools, IReadOnlyList<PoolMove> moves, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        var movedTo = moves.ToDictionary(m => m.RequestId, m => m.To);
        foreach (var pool in pools)
        {
            await Stage(db, pool, movedTo, now, cancellationToken);
        }

        var movedIds = movedTo.Keys.ToList();
        foreach (var request in await db.Requests.Where(r => movedIds.Contains(r.Id)).ToListAsync(cancellationToken))
        {
            request.PoolId = movedTo[request.Id];
            request.UpdatedAt = now;
        }

        await Commit(db, pools.Count == 1 ? pools[0].Id : null, cancellationToken);
    }

    /// <summary>Tracks the pool's new state, checked against its version; members gone and not moved are withdrawn.</summary>
    private async Task Stage(MarketplaceDbContext db, DemandPool pool, Dictionary<Guid, Guid> movedTo, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var record = await db.Pools.Include(p => p.Members).SingleOrDefaultAsync(p => p.Id == pool.Id, cancellationToken);
        if (record is null)
        {
            if (pool.Version != 0)
            {
                throw new ConcurrencyConflictException($"Pool {pool.Id} is gone.");
            }

            record = NewRecord(pool);
            db.Pools.Add(record);
        }
        else if (record.Version != pool.Version)
        {
            throw new ConcurrencyConflictException($"Pool {pool.Id} was changed elsewhere (version {record.Version}, expected {pool.Version}).");
        }

        var category = await catalog.FindAsync(pool.MunicipalityCode, pool.CategoryCode, cancellationToken);
        CopyState(record, pool, pool.ScheduleEnvelope(category?.Mode ?? PoolingMode.Group).ToString(), now);

        var left = record.Members.Where(r => r.LeftAt == null && pool.Members.All(m => m.RequestId != r.RequestId)).ToList();
        foreach (var membership in left)
        {
            membership.LeftAt = now;
        }

        var withdrawn = left.Select(m => m.RequestId).Where(id => !movedTo.ContainsKey(id)).ToList();
        foreach (var request in withdrawn.Count == 0 ? [] : await db.Requests.Where(r => withdrawn.Contains(r.Id)).ToListAsync(cancellationToken))
        {
            request.Status = "withdrawn";
            request.UpdatedAt = now;
        }

        foreach (var member in pool.Members)
        {
            var membership = record.Members.FirstOrDefault(r => r.RequestId == member.RequestId);
            if (membership is null)
            {
                record.Members.Add(new PoolMembershipRecord { PoolId = pool.Id, RequestId = member.RequestId, FamilyId = member.FamilyId, JoinedAt = member.JoinedAt });
            }
            else if (membership.LeftAt is not null)
            {
                // Back in a pool it was moved out of earlier: the same membership row, open again.
                (membership.LeftAt, membership.JoinedAt) = (null, member.JoinedAt);
            }

            if (membership is not null)
            {
                membership.ConfirmedAt = member.ConfirmedAt;
            }
        }
    }

    private static PoolRecord NewRecord(DemandPool pool) =>
        new() { Id = pool.Id, MunicipalityCode = pool.MunicipalityCode, CategoryCode = pool.CategoryCode, Status = "", CreatedAt = pool.CreatedAt };

    /// <summary>The pool's state onto its row, as the next version.</summary>
    private static PoolRecord CopyState(PoolRecord record, DemandPool pool, string schedule, DateTimeOffset now)
    {
        record.Status = pool.Status.ToName();
        record.Capacity = pool.Capacity;
        record.Quorum = pool.Quorum;
        record.MemberCount = pool.Members.Count;
        record.Schedule = schedule;
        record.BiddingClosesAt = pool.BiddingClosesAt;
        record.QuorumReachedAt = pool.QuorumReachedAt;
        record.BiddingExtended = pool.BiddingExtended;
        record.UpdatedAt = now;
        record.Version = pool.Version + 1;
        return record;
    }

    private static async Task Commit(MarketplaceDbContext db, Guid? poolId, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new ConcurrencyConflictException($"Pool {poolId?.ToString() ?? "of a regrouping"} was changed elsewhere.", ex);
        }
    }

    private static IQueryable<PoolRecord> WithMembers(MarketplaceDbContext db) =>
        db.Pools.AsNoTracking().Include(p => p.Members.Where(m => m.LeftAt == null)).ThenInclude(m => m.Request).AsSplitQuery();

    private static DemandPool ToDomain(PoolRecord record)
    {
        if (!PoolStatusNames.TryParse(record.Status, out var status))
        {
            throw new InvalidOperationException($"Pool {record.Id} has an unknown status '{record.Status}'.");
        }

        var members = record.Members.OrderBy(m => m.JoinedAt).Select(m => new PoolMember(
            m.RequestId,
            m.FamilyId,
            new GeoPoint(m.Request.Latitude, m.Request.Longitude),
            WeeklySchedule.Parse(m.Request.Schedule),
            RequestAttributesJson.Read(m.Request.Attributes),
            m.JoinedAt) { MaxPricePerHourCents = m.Request.MaxPricePerHourCents, WantedStart = m.Request.StartDate, ConfirmedAt = m.ConfirmedAt });
        return new DemandPool(record.Id, record.MunicipalityCode, record.CategoryCode, status, record.Capacity, record.Quorum, members, record.CreatedAt, record.BiddingClosesAt, record.Version, record.QuorumReachedAt, record.BiddingExtended);
    }

    /// <summary>The request as stored once placed: pooled, in <paramref name="poolId"/>.</summary>
    private static RequestRecord PlacedRecord(CareRequest request, Guid poolId, DateTimeOffset now) => new()
    {
        Id = request.Id,
        FamilyId = request.FamilyId,
        MunicipalityCode = request.MunicipalityCode,
        CategoryCode = request.CategoryCode,
        Latitude = request.Location.Latitude,
        Longitude = request.Location.Longitude,
        Schedule = request.Schedule.ToString(),
        StartDate = request.StartDate,
        Attributes = RequestAttributesJson.Write(request.Attributes),
        MaxPricePerHourCents = request.MaxPricePerHour?.Cents,
        Status = "pooled",
        PoolId = poolId,
        CreatedAt = request.CreatedAt,
        UpdatedAt = now,
    };
}
