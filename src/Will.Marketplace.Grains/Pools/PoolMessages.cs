using System.Collections.Immutable;
using Will.Marketplace.Abstractions.Live;
using Will.Marketplace.Domain.Pools;

namespace Will.Marketplace.Grains.Pools;

/// <summary>What is pushed live when a pool changes, whoever saved the change (the pool grain or the matchmaker).</summary>
internal static class PoolMessages
{
    /// <summary>poolUpdated for the pool's watchers and every member (and one more family, e.g. the one that left).</summary>
    public static ImmutableArray<LiveMessage>.Builder Changed(DemandPool pool, Guid? also = null)
    {
        var updated = new PoolUpdated(pool.Id, pool.CategoryCode, pool.Status.ToName(), pool.Members.Count, pool.Capacity, pool.Quorum, pool.Version);
        // The pool, its providers, each family, one more family and a matchFound: sized once.
        var messages = ImmutableArray.CreateBuilder<LiveMessage>(pool.Members.Count + 4);
        messages.Add(new LiveMessage(LiveMessage.PoolTarget(pool.Id), LiveMessage.PoolUpdatedMethod, updated));

        // Providers' boards list pools open for bids: they hear of a pool that opens, changes or closes (counts only).
        if (pool.Status is PoolStatus.OpenForBids or PoolStatus.Awarded || pool.QuorumReachedAt is not null)
        {
            messages.Add(new LiveMessage(LiveMessage.ProvidersTarget(pool.MunicipalityCode), LiveMessage.PoolUpdatedMethod, updated));
        }

        var families = pool.FamilyIds();
        foreach (var family in families)
        {
            messages.Add(new LiveMessage(LiveMessage.UserTarget(family), LiveMessage.PoolUpdatedMethod, updated));
        }

        if (also is { } extra && !families.Contains(extra))
        {
            messages.Add(new LiveMessage(LiveMessage.UserTarget(extra), LiveMessage.PoolUpdatedMethod, updated));
        }

        return messages;
    }

    /// <summary>
    /// Whether the change about to be saved opens the pool for bids (it reached quorum); asked before
    /// <see cref="DemandPool.MarkSaved"/>, which forgets the status it had.
    /// </summary>
    public static bool Opens(DemandPool pool) => pool.Status == PoolStatus.OpenForBids && pool.SavedStatus != PoolStatus.OpenForBids;

    /// <summary>A pool notice of <paramref name="kind"/> to each of the pool's families but those in <paramref name="told"/> (told otherwise).</summary>
    public static IEnumerable<LiveMessage> Notices(DemandPool pool, string kind, IReadOnlyCollection<Guid> told) =>
        pool.FamilyIds().Where(family => !told.Contains(family)).Select(family => new LiveMessage(
            LiveMessage.UserTarget(family),
            LiveMessage.PoolNoticeMethod,
            new PoolNotice(pool.Id, kind, pool.Status.ToName(), pool.BiddingClosesAt, null)));

    /// <summary>The pool's change, and to the family placed, where its request went.</summary>
    public static ImmutableArray<LiveMessage> Placed(DemandPool pool, Guid requestId, Guid familyId, bool startedNewPool)
    {
        var messages = Changed(pool);
        messages.Add(new LiveMessage(
            LiveMessage.UserTarget(familyId),
            LiveMessage.MatchFoundMethod,
            new MatchFound(requestId, pool.Id, startedNewPool, pool.Members.Count, pool.Quorum)));
        return messages.DrainToImmutable();
    }
}
