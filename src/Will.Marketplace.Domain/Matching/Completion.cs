using Will.Marketplace.Domain.Catalog;
using Will.Marketplace.Domain.Pools;

namespace Will.Marketplace.Domain.Matching;

/// <summary>
/// At placement time a pool may pull in families waiting in other pools below quorum: a pool below
/// quorum only when that brings it to quorum, a pool at quorum while it has places. Every family
/// moved is pooled from then on and nobody pooled is touched, so the families pooled only grow.
/// Families are taken from the smallest waiting pools first (furthest from quorum), nearest first.
/// </summary>
public static class Completion
{
    public static IReadOnlyList<PoolMove> For(ServiceCategory category, DemandPool pool, IEnumerable<DemandPool> pools) =>
        pool.Status is PoolStatus.Forming or PoolStatus.OpenForBids && pool.Members.Count > 0
            ? Plan(category, pool.Members, pool.Id, WaitingNear(category, pool.Members[0], pools))
            : [];

    /// <summary>
    /// Families waiting below quorum within the radius of <paramref name="near"/>, in the order
    /// completion takes them: smallest waiting pool first, then nearest.
    /// </summary>
    public static IReadOnlyList<(PoolMember Member, DemandPool From)> WaitingNear(ServiceCategory category, PoolMember near, IEnumerable<DemandPool> pools)
    {
        var waiting = new List<(PoolMember Member, DemandPool From, double Distance)>();
        foreach (var pool in pools)
        {
            // Members of one pool live within one radius of each other: the first tells whether any can be near.
            if (pool.Status != PoolStatus.Forming || pool.Members.Count >= pool.Quorum ||
                pool.Members[0].Location.DistanceMetersTo(near.Location) > 2 * category.RadiusMeters)
            {
                continue;
            }

            foreach (var member in pool.Members)
            {
                var distance = member.Location.DistanceMetersTo(near.Location);
                if (distance <= category.RadiusMeters)
                {
                    waiting.Add((member, pool, distance));
                }
            }
        }

        return waiting.Count == 0 ? [] : [.. waiting.OrderBy(x => x.From.Members.Count).ThenBy(x => x.Distance).Select(x => (x.Member, x.From))];
    }

    /// <summary>The moves that would complete <paramref name="group"/> (the members of pool <paramref name="poolId"/>, or of a pool yet to start).</summary>
    public static IReadOnlyList<PoolMove> Plan(ServiceCategory category, IReadOnlyList<PoolMember> group, Guid poolId, IReadOnlyList<(PoolMember Member, DemandPool From)> waiting)
    {
        if (group.Count == 0 || group.Count >= category.Capacity)
        {
            return [];
        }

        var target = group.Count >= category.Quorum ? group.Count + 1 : category.Quorum;
        if (waiting.Count(w => w.From.Id != poolId) + group.Count < target)
        {
            return [];
        }

        var members = group.ToList();
        var moves = new List<PoolMove>();
        foreach (var (member, from) in waiting)
        {
            if (from.Id == poolId)
            {
                continue;
            }

            if (members.Count >= category.Capacity)
            {
                break;
            }

            if (Compatibility.Check(category, members, member) == Incompatibility.None)
            {
                members.Add(member);
                moves.Add(new PoolMove(member.RequestId, member.FamilyId, from.Id, poolId));
            }
        }

        return members.Count >= target ? moves : [];
    }

    /// <summary>Applies the moves <see cref="For"/> returned; the pools changed, the completed one last.</summary>
    public static IReadOnlyList<DemandPool> Apply(ServiceCategory category, DemandPool pool, IReadOnlyList<PoolMove> moves, IReadOnlyDictionary<Guid, DemandPool> poolsById, DateTimeOffset now)
    {
        var changed = new List<DemandPool>();
        foreach (var move in moves)
        {
            var from = poolsById[move.From];
            var member = from.Members.Single(m => m.RequestId == move.RequestId);
            if (!from.Release(move.RequestId) || pool.Join(category, member with { JoinedAt = now }, now) != Incompatibility.None)
            {
                throw new InvalidOperationException($"Request {move.RequestId} could not move to pool {pool.Id}.");
            }

            if (!changed.Contains(from))
            {
                changed.Add(from);
            }
        }

        changed.Add(pool);
        return changed;
    }
}
