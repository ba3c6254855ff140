using Will.Marketplace.Domain.Bidding;
using Will.Marketplace.Domain.Matching;
using Will.Marketplace.Domain.Pools;
using Will.Marketplace.Domain.Requests;

namespace Will.Marketplace.Domain.Ports;

/// <summary>Durable home of pools and the requests placed in them.</summary>
public interface IDemandPoolStore
{
    Task<DemandPool?> FindAsync(Guid poolId, CancellationToken cancellationToken = default);

    /// <summary>Pools of one municipality and category that can still take members.</summary>
    Task<IReadOnlyList<DemandPool>> ListJoinableAsync(string municipalityCode, string categoryCode, CancellationToken cancellationToken = default);

    /// <summary>The bidding deadlines of one municipality and category: every pool open for bids that has one.</summary>
    Task<IReadOnlyList<PoolDeadline>> ListDeadlinesAsync(string municipalityCode, string categoryCode, CancellationToken cancellationToken = default);

    /// <summary>
    /// Saves the pool (checked against <see cref="DemandPool.Version"/>) and, in the same
    /// transaction, the request just placed in it (stored as pooled in this pool: the caller passes the
    /// request as it came, with no copy of its own); requests no longer among its members are marked
    /// withdrawn and their membership ended. Throws <see cref="ConcurrencyConflictException"/>
    /// when someone else saved the pool first.
    /// </summary>
    Task SaveAsync(DemandPool pool, CareRequest? placedRequest, CancellationToken cancellationToken = default);

    /// <summary>
    /// Saves several pools in one transaction, each checked against its version, with requests
    /// moved between them (re-optimisation, refills): a moved request keeps its status and gets its
    /// new pool; nothing is saved if any pool was changed elsewhere.
    /// </summary>
    /// <summary>
    /// Saves the awarded pool (version checked) and the award with every bid's score, in one
    /// transaction; with the collective order too when every member was confirmed at once.
    /// </summary>
    Task SaveAwardAsync(DemandPool pool, AwardDecision award, CollectiveOrder? order, CancellationToken cancellationToken = default);

    /// <summary>Saves the pool that became active and its collective order, in one transaction.</summary>
    Task SaveOrderAsync(DemandPool pool, CollectiveOrder order, CancellationToken cancellationToken = default);

    /// <summary>Saves a pool whose award lapsed: the award is removed and its bids withdrawn, so bidding starts afresh.</summary>
    Task SaveLapsedAwardAsync(DemandPool pool, CancellationToken cancellationToken = default);

    Task SaveMovesAsync(IReadOnlyList<DemandPool> pools, IReadOnlyList<PoolMove> moves, CancellationToken cancellationToken = default);
}

/// <summary>When bidding on a pool closes.</summary>
public readonly record struct PoolDeadline(Guid PoolId, DateTimeOffset ClosesAt);

public sealed class ConcurrencyConflictException(string message, Exception? inner = null) : Exception(message, inner);
