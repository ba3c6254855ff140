using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Will.Marketplace.Abstractions.Live;
using Will.Marketplace.Domain.Pools;

namespace Will.Marketplace.Grains.Pools;

/// <summary>What is pushed live when a pool changes, whoever saved the change (the pool grain or the matchmaker).</summary>
internal static class PoolMessages
{
    /// <summary>poolUpdated, once, for the pool's watchers, its providers' board (when it is or was open for bids) and every member family (and one more family, e.g. the one that left).</summary>
    public static ImmutableArray<LiveMessage>.Builder Changed(DemandPool pool, Guid? also = null)
    {
        var updated = new PoolUpdated(pool.Id, pool.CategoryCode, pool.Status.ToName(), pool.Members.Count, pool.Capacity, pool.Quorum, pool.Version);

        // Providers' boards list pools open for bids: they hear of a pool that opens, changes or closes (counts only).
        var providers = pool.Status is PoolStatus.OpenForBids or PoolStatus.Awarded || pool.QuorumReachedAt is not null;
        ReadOnlySpan<LiveTarget> others = providers ? [LiveTarget.Pool(pool.Id), LiveTarget.Providers(pool.MunicipalityCode)] : [LiveTarget.Pool(pool.Id)];

        // The change, and room for what callers add most (a matchFound, a notice).
        var messages = ImmutableArray.CreateBuilder<LiveMessage>(2);
        messages.Add(new LiveMessage(Families(pool, others, also, told: []), LiveMessage.PoolUpdatedMethod, updated));
        return messages;
    }

    /// <summary>
    /// Whether the change about to be saved opens the pool for bids (it reached quorum); asked before
    /// <see cref="DemandPool.MarkSaved"/>, which forgets the status it had.
    /// </summary>
    public static bool Opens(DemandPool pool) => pool.Status == PoolStatus.OpenForBids && pool.SavedStatus != PoolStatus.OpenForBids;

    /// <summary>A pool notice of <paramref name="kind"/> to the pool's families but those in <paramref name="told"/> (told otherwise): none when that leaves nobody.</summary>
    public static IEnumerable<LiveMessage> Notices(DemandPool pool, string kind, IReadOnlyCollection<Guid> told)
    {
        var families = Families(pool, [], also: null, told);
        return families.IsEmpty
            ? []
            : [new LiveMessage(families, LiveMessage.PoolNoticeMethod, new PoolNotice(pool.Id, kind, pool.Status.ToName(), pool.BiddingClosesAt, null))];
    }

    /// <summary>The pool's change, and to the family placed, where its request went.</summary>
    public static ImmutableArray<LiveMessage> Placed(DemandPool pool, Guid requestId, Guid familyId, bool startedNewPool)
    {
        var messages = Changed(pool);
        messages.Add(new LiveMessage(
            LiveTarget.User(familyId),
            LiveMessage.MatchFoundMethod,
            new MatchFound(requestId, pool.Id, startedNewPool, pool.Members.Count, pool.Quorum)));
        return messages.DrainToImmutable();
    }

    /// <summary>
    /// <paramref name="others"/>, then each of the pool's families once, in the members' order (a family may have
    /// two requests in one pool), then <paramref name="also"/> if it is not among them; families in
    /// <paramref name="told"/> left out. One array, sized once.
    /// </summary>
    public static ImmutableArray<LiveTarget> Families(DemandPool pool, ReadOnlySpan<LiveTarget> others, Guid? also, IReadOnlyCollection<Guid> told)
    {
        var targets = new LiveTarget[others.Length + pool.Members.Count + (also is null ? 0 : 1)];
        others.CopyTo(targets);
        var (first, count) = (others.Length, others.Length);
        foreach (var member in pool.Members)
        {
            Add(member.FamilyId);
        }

        if (also is { } extra)
        {
            Add(extra);
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(count == targets.Length ? targets : targets[..count]);

        void Add(Guid family)
        {
            var target = LiveTarget.User(family);
            if (!told.Contains(family) && Array.IndexOf(targets, target, first, count - first) < 0)
            {
                targets[count++] = target;
            }
        }
    }
}
