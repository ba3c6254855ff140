using Will.Marketplace.Domain.Catalog;
using Will.Marketplace.Domain.Common;
using Will.Marketplace.Domain.Geography;
using Will.Marketplace.Domain.Pools;
using Will.Marketplace.Domain.Scheduling;

namespace Will.Marketplace.Domain.Matching;

/// <summary>
/// At placement time a pool may pull in families waiting in other pools below quorum: a pool below
/// quorum only when that brings it to quorum, a pool at quorum while it has places. Every family
/// moved is pooled from then on and nobody pooled is touched, so the families pooled only grow.
/// Families are taken from the smallest waiting pools first (furthest from quorum), nearest first.
/// A spare place (in a pool already at quorum) never breaks up a promising group
/// (<see cref="IsPromising"/>): that group can still go ahead on its own.
/// </summary>
public static class Completion
{
    /// <summary>How many other recent families must fit a waiting group for it to be promising.</summary>
    public const int PromisingAfter = 2;

    /// <summary>Families that joined their pool this long before the latest one are recent demand.</summary>
    public static readonly TimeSpan RecentDemand = TimeSpan.FromDays(30);

    /// <param name="asOf">The day of the check, for start dates already past; null for the day the latest of those checked joined.</param>
    public static IReadOnlyList<PoolMove> For(ServiceCategory category, DemandPool pool, IEnumerable<DemandPool> pools, DateOnly? asOf = null)
    {
        if (pool.Status is not (PoolStatus.Forming or PoolStatus.OpenForBids) || pool.Members.Count == 0)
        {
            return [];
        }

        using var all = new RentedList<DemandPool>(64);
        all.AddRange(pools);
        var waiting = WaitingNear(category, pool.Members[0], all.AsSpan());
        return Plan(category, pool.Members, pool.Id, waiting, null, pool.Members.Count >= pool.Quorum ? new PromisingGroups(category, all.AsMemory()) : null, asOf);
    }

    /// <summary>
    /// A waiting group of two or more, below quorum, that at least <see cref="PromisingAfter"/> other
    /// families of recent demand would each fit as a whole (members of the joinable pools that joined
    /// within <see cref="RecentDemand"/> of the latest): families like them keep asking, so the group
    /// is likely to reach quorum by itself, and is worth more whole than spread over spare places.
    /// </summary>
    public static bool IsPromising(ServiceCategory category, IReadOnlyList<PoolMember> group, IEnumerable<DemandPool> pools)
    {
        using var all = new RentedList<DemandPool>(64);
        all.AddRange(pools);
        return IsPromising(category, group, RecentDemandIn(all.AsSpan()));
    }

    /// <summary><see cref="IsPromising(ServiceCategory, IReadOnlyList{PoolMember}, IEnumerable{DemandPool})"/> with the recent demand worked out once (<see cref="RecentDemandIn"/>).</summary>
    public static bool IsPromising(ServiceCategory category, IReadOnlyList<PoolMember> group, RecentFamilies recent) =>
        group.Count >= 2 && group.Count < category.Quorum && IsPromising(category, group, recent, Compatibility.SharedSchedule(category, group));

    /// <summary><see cref="IsPromising(ServiceCategory, IReadOnlyList{PoolMember}, RecentFamilies)"/> with what the group shares (<see cref="Compatibility.SharedSchedule"/>) known to the caller.</summary>
    internal static bool IsPromising(ServiceCategory category, IReadOnlyList<PoolMember> group, RecentFamilies recent, WeeklySchedule? shared)
    {
        if (group.Count < 2 || group.Count >= category.Quorum)
        {
            return false;
        }

        var fits = 0;
        var sketch = new GroupSketch(category, group, shared);
        var home = new GeoFrame(group[0].Location);
        for (var p = 0; p < recent.Pools.Count; p++)
        {
            // Who joined when, and where, from the pool's digest: a member is read only once it is recent and near.
            var pool = recent.Pools[p];
            if (!pool.AnyMayBeWithin(home, category.RadiusMeters))
            {
                continue;
            }

            var facts = pool.Facts;
            for (var i = 0; i < facts.Length; i++)
            {
                // The sketch measures the family's home against every member's, the first one's included.
                if (facts[i].JoinedAt >= recent.Since &&
                    !sketch.RulesOut(category, facts[i]) &&
                    !PoolMember.IsAmong(group, facts[i].RequestId) &&
                    Compatibility.Check(category, group, pool.Members[i], shared) == Incompatibility.None &&
                    ++fits >= PromisingAfter)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The families of recent demand: members of the joinable pools that joined within <see cref="RecentDemand"/> of the latest, in pool order.</summary>
    public static RecentFamilies RecentDemandIn(ReadOnlySpan<DemandPool> pools)
    {
        // The pools that hold any, not the families: a decision asks this of every joinable pool, and
        // a list of every recent family was most of what a decision allocated.
        var latest = DateTimeOffset.MinValue;
        foreach (var pool in pools)
        {
            if (pool.IsJoinable && pool.LatestJoinedAt > latest)
            {
                latest = pool.LatestJoinedAt;
            }
        }

        if (latest == DateTimeOffset.MinValue)
        {
            return RecentFamilies.None;
        }

        var since = latest - RecentDemand;
        using var holding = new RentedList<DemandPool>(16);
        foreach (var pool in pools)
        {
            if (pool.IsJoinable && pool.LatestJoinedAt >= since)
            {
                holding.Add(pool);
            }
        }

        // Kept at the size it needs: most pools hold no recent family.
        return new RecentFamilies(holding.AsSpan().ToArray(), since);
    }

    /// <summary>
    /// Families waiting below quorum within the radius of <paramref name="near"/>, in the order
    /// completion takes them: smallest waiting pool first, then nearest.
    /// </summary>
    /// <param name="fittingNear">
    /// Only the families that <paramref name="near"/> (a newcomer) fits as a pair, start dates aside: every
    /// group a placement completes holds the newcomer, so a family the newcomer alone refuses could join
    /// none of them. Most families a completion weighed failed on the newcomer alone, each in a check of
    /// the whole group.
    /// </param>
    public static IReadOnlyList<(PoolMember Member, DemandPool From)> WaitingNear(ServiceCategory category, PoolMember near, IEnumerable<DemandPool> pools, bool fittingNear = false)
    {
        using var all = new RentedList<DemandPool>(64);
        all.AddRange(pools);
        return WaitingNear(category, near, all.AsSpan(), fittingNear);
    }

    /// <summary><see cref="WaitingNear(ServiceCategory, PoolMember, IEnumerable{DemandPool}, bool)"/> over pools a decision has in hand: a dictionary's pools enumerated through the interface cost a boxed enumerator each time.</summary>
    internal static IReadOnlyList<(PoolMember Member, DemandPool From)> WaitingNear(ServiceCategory category, PoolMember near, ReadOnlySpan<DemandPool> pools, bool fittingNear = false)
    {
        // Start dates are left aside (checked as of a day later than any wanted start): the pair's own day may come before the group's.
        PoolMember[]? pair = fittingNear ? [near] : null;
        // The newcomer's hours rule most families out from their pool's digest, before the family's own record is read, as a
        // promising group's sketch does (GroupSketch).
        var pairHours = fittingNear ? PoolSketch.MembersHours(category, near.Schedule) : default;
        using var found = new RentedList<(PoolMember Member, DemandPool From, double Distance, int Order)>(16);
        var home = new GeoFrame(near.Location);
        foreach (var pool in pools)
        {
            // The first member and how far the others live from it tell whether any can be near.
            if (pool.Status != PoolStatus.Forming || pool.MemberCount >= pool.Quorum ||
                !pool.AnyMayBeWithin(home, category.RadiusMeters))
            {
                continue;
            }

            var facts = pool.Facts;
            for (var i = 0; i < facts.Length; i++)
            {
                if (home.IsWithinMeters(facts[i].Location, category.RadiusMeters) &&
                    (pair is null || (!PoolSketch.HoursRuleOut(category, pairHours, facts[i].Hours) &&
                        Compatibility.Check(category, pair, pool.Members[i], null, DateOnly.MaxValue) == Incompatibility.None)))
                {
                    found.Add((pool.Members[i], pool, home.DistanceMetersTo(facts[i].Location), found.Count));
                }
            }
        }

        var waiting = found.AsSpan();
        if (waiting.Length == 0)
        {
            return [];
        }

        // Sorted in place, ties in the order found (as a stable sort would leave them).
        waiting.Sort(static (a, b) =>
        {
            var order = a.From.Members.Count.CompareTo(b.From.Members.Count);
            order = order != 0 ? order : a.Distance.CompareTo(b.Distance);
            return order != 0 ? order : a.Order.CompareTo(b.Order);
        });
        var ordered = new (PoolMember Member, DemandPool From)[waiting.Length];
        for (var i = 0; i < ordered.Length; i++)
        {
            ordered[i] = (waiting[i].Member, waiting[i].From);
        }

        return ordered;
    }

    /// <summary>The moves that would complete <paramref name="group"/> (the members of pool <paramref name="poolId"/>, or of a pool yet to start).</summary>
    public static IReadOnlyList<PoolMove> Plan(ServiceCategory category, IReadOnlyList<PoolMember> group, Guid poolId, IReadOnlyList<(PoolMember Member, DemandPool From)> waiting) =>
        Plan(category, group, poolId, waiting, null, null);

    /// <param name="groupShares">What the group shares (<see cref="Compatibility.SharedSchedule"/>) when the caller knows it; null to work it out.</param>
    /// <param name="spareOnly">
    /// For spare places (a group already at quorum): the promising groups, whose families are not
    /// taken. Asked only of a family that fits, so most waiting pools are never weighed; the moves are
    /// those of the same plan over the waiting list with promising groups' families left out.
    /// </param>
    internal static IReadOnlyList<PoolMove> Plan(ServiceCategory category, IReadOnlyList<PoolMember> group, Guid poolId, IReadOnlyList<(PoolMember Member, DemandPool From)> waiting, WeeklySchedule? groupShares, PromisingGroups? spareOnly, DateOnly? asOf = null)
    {
        if (group.Count == 0 || group.Count >= category.Capacity)
        {
            return [];
        }

        var target = group.Count >= category.Quorum ? group.Count + 1 : category.Quorum;
        var others = 0;
        for (var i = 0; i < waiting.Count; i++)
        {
            others += waiting[i].From.Id != poolId ? 1 : 0;
        }

        if (others + group.Count < target)
        {
            return [];
        }

        // The group grows only once a family fits: most plans find none, and allocate nothing.
        IReadOnlyList<PoolMember> members = group;
        List<PoolMember>? grown = null;
        List<PoolMove>? moves = null;
        var shared = groupShares ?? Compatibility.SharedSchedule(category, members);
        for (var i = 0; i < waiting.Count; i++)
        {
            var (member, from) = waiting[i];
            if (from.Id == poolId)
            {
                continue;
            }

            if (members.Count >= category.Capacity)
            {
                break;
            }

            if (Compatibility.Check(category, members, member, shared, asOf) == Incompatibility.None && spareOnly?.Holds(from) != true)
            {
                members = grown ??= [.. group];
                grown.Add(member);
                shared = shared?.Intersect(member.Schedule);
                (moves ??= []).Add(new PoolMove(member.RequestId, member.FamilyId, from.Id, poolId));
            }
        }

        return moves is not null && members.Count >= target ? moves : [];
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

/// <summary>
/// Which waiting pools hold a promising group (<see cref="Completion.IsPromising(ServiceCategory, IReadOnlyList{PoolMember}, RecentFamilies)"/>),
/// for one decision over <paramref name="pools"/>: each pool is asked at most once, and the recent
/// demand is worked out only when a first pool is asked.
/// </summary>
internal sealed class PromisingGroups(ServiceCategory category, ReadOnlyMemory<DemandPool> pools)
{
    private RecentFamilies? _recent;
    private List<(DemandPool Pool, bool Promising)>? _asked;

    /// <summary>The recent demand in the pools (<see cref="Completion.RecentDemandIn"/>), worked out once.</summary>
    public RecentFamilies Recent => _recent ??= Completion.RecentDemandIn(pools.Span);

    /// <summary>Whether the members of <paramref name="pool"/> (a waiting pool) are a promising group.</summary>
    public bool Holds(DemandPool pool)
    {
        if (_asked is not null)
        {
            foreach (var (asked, promising) in _asked)
            {
                if (ReferenceEquals(asked, pool))
                {
                    return promising;
                }
            }
        }

        // A pool keeps what its members share.
        var verdict = Completion.IsPromising(category, pool.Members, Recent, pool.SharedSchedule(category));
        (_asked ??= []).Add((pool, verdict));
        return verdict;
    }
}

/// <summary>The families of recent demand (<see cref="Completion.RecentDemandIn"/>): the members of <see cref="Pools"/> that joined at or after <see cref="Since"/>.</summary>
public sealed record RecentFamilies(IReadOnlyList<DemandPool> Pools, DateTimeOffset Since)
{
    public static RecentFamilies None { get; } = new([], DateTimeOffset.MaxValue);
}
