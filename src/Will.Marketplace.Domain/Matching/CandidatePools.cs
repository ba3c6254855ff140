using System.Collections.Immutable;
using Will.Marketplace.Domain.Catalog;
using Will.Marketplace.Domain.Pools;

namespace Will.Marketplace.Domain.Matching;

/// <summary>
/// Viable groups (quorum to capacity members, all rules met) that a set of waiting requests could
/// form: from every request, groups grown greedily along a few orderings of its compatible
/// neighbours (nearest first, best schedule fit first, and seeded shuffles), every viable prefix kept.
/// The exact solver then picks the best disjoint set among them.
/// </summary>
public static class CandidatePools
{
    /// <param name="asOf">The day of the regrouping, for start dates already past (<see cref="Compatibility.Check(ServiceCategory, IReadOnlyList{PoolMember}, PoolMember, Scheduling.WeeklySchedule?, DateOnly?)"/>); null for the day the latest of each group joined.</param>
    public static IReadOnlyList<ImmutableArray<int>> Generate(ServiceCategory category, IReadOnlyList<PoolMember> members, int shuffles = 6, int seed = 17, DateOnly? asOf = null)
    {
        var n = members.Count;
        var compatible = new bool[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                compatible[i, j] = compatible[j, i] = Compatibility.Check(category, [members[i]], members[j], asOf: asOf) == Incompatibility.None;
            }
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var candidates = new List<ImmutableArray<int>>();
        var random = new Random(seed);
        for (var anchor = 0; anchor < n; anchor++)
        {
            var neighbours = Enumerable.Range(0, n).Where(j => compatible[anchor, j]).ToList();
            if (neighbours.Count + 1 < category.Quorum)
            {
                continue;
            }

            var a = anchor;
            var orderings = new List<IEnumerable<int>>
            {
                neighbours.OrderBy(j => members[a].Location.DistanceMetersTo(members[j].Location)),
                neighbours.OrderByDescending(j => Fit(category, members[a], members[j])),
            };
            for (var s = 0; s < shuffles; s++)
            {
                orderings.Add(neighbours.OrderBy(_ => random.Next()).ToList());
            }

            foreach (var ordering in orderings)
            {
                Grow(category, members, compatible, anchor, ordering, seen, candidates, asOf);
            }
        }

        return candidates;
    }

    private static void Grow(ServiceCategory category, IReadOnlyList<PoolMember> members, bool[,] compatible, int anchor, IEnumerable<int> ordering, HashSet<string> seen, List<ImmutableArray<int>> candidates, DateOnly? asOf)
    {
        var group = new List<int> { anchor };
        var groupMembers = new List<PoolMember> { members[anchor] };
        foreach (var j in ordering)
        {
            if (group.Count >= category.Capacity)
            {
                break;
            }

            if (group.Any(g => !compatible[g, j]) || Compatibility.Check(category, groupMembers, members[j], asOf: asOf) != Incompatibility.None)
            {
                continue;
            }

            group.Add(j);
            groupMembers.Add(members[j]);
            if (group.Count >= category.Quorum)
            {
                var items = group.Order().ToImmutableArray();
                if (seen.Add(string.Join(',', items)))
                {
                    candidates.Add(items);
                }
            }
        }
    }

    /// <summary>Group mode: shared minutes; shared worker: how far apart the two weeks are (less conflict risk).</summary>
    private static int Fit(ServiceCategory category, PoolMember a, PoolMember b) => category.Mode == PoolingMode.Group
        ? a.Schedule.OverlapMinutes(b.Schedule)
        : -a.Schedule.OverlapMinutes(b.Schedule);
}
