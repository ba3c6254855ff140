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
        pool.Status is PoolStatus.Forming or PoolStatus.OpenForBids
            ? Plan(category, pool.Members, pool.Id, pools)
            : [];

    /// <summary>The moves that would complete <paramref name="group"/> (the members of pool <paramref name="poolId"/>, or of a pool yet to start).</summary>
    public static IReadOnlyList<PoolMove> Plan(ServiceCategory category, IReadOnlyList<PoolMember> group, Guid poolId, IEnumerable<DemandPool> pools)
    {
        if (group.Count == 0 || group.Count >= category.Capacity)
        {
            return [];
        }

        var target = group.Count >= category.Quorum ? group.Count + 1 : category.Quorum;
        var centre = group[0].Location;
        var waiting = pools
            .Where(q => q.Id != poolId && q.Status == PoolStatus.Forming && q.Members.Count < q.Quorum)
            .SelectMany(q => q.Members.Select(m => (Member: m, From: q)))
            .Where(x => x.Member.Location.DistanceMetersTo(centre) <= category.RadiusMeters)
            .OrderBy(x => x.From.Members.Count)
            .ThenBy(x => x.Member.Location.DistanceMetersTo(centre))
            .ToList();
        if (waiting.Count + group.Count < target)
        {
            return [];
        }

        var members = group.ToList();
        var moves = new List<PoolMove>();
        foreach (var (member, from) in waiting)
        {
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
