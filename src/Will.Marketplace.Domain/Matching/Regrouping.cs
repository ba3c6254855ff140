using Will.Marketplace.Domain.Catalog;
using Will.Marketplace.Domain.Common;
using Will.Marketplace.Domain.Geography;
using Will.Marketplace.Domain.Pools;
using Will.Marketplace.Domain.Ports;

namespace Will.Marketplace.Domain.Matching;

/// <summary>How big one exact solve may get.</summary>
public sealed record RegroupingLimits(int MaxShardSize, TimeSpan TimeLimitPerShard)
{
    public static RegroupingLimits Default { get; } = new(60, TimeSpan.FromSeconds(2));
}

/// <summary>
/// Viable groups to form out of waiting requests, and what the solver could prove: the most
/// families any choice among the candidates could pool (<see cref="UpperBound"/>).
/// </summary>
public sealed record RegroupingPlan(IReadOnlyList<IReadOnlyList<PoolMember>> Groups, int UpperBound, bool ProvedOptimal, int Shards, int Candidates)
{
    public int Pooled => Groups.Sum(g => g.Count);
}

/// <summary>
/// Background re-optimisation of the waiting requests of one municipality × category: those in
/// pools still below quorum. Requests are split into shards (families that could never share a pool
/// are never in the same shard; large shards are cut in half across their longer side), each shard
/// is solved exactly as weighted set packing over <see cref="CandidatePools"/>, and every chosen group
/// is a pool that reaches quorum. A request not chosen stays where it is.
/// </summary>
public static class Regrouping
{
    /// <summary>Every pooled family is worth this much; each pool costs one, so fewer, fuller pools win ties.</summary>
    public const long ValuePerFamily = 1000;

    /// <param name="asOf">The day of the run, for start dates already past; null for the day the latest of each group joined.</param>
    public static RegroupingPlan Plan(ServiceCategory category, IReadOnlyList<PoolMember> waiting, ISetPackingSolver solver, RegroupingLimits? limits = null, DateOnly? asOf = null)
    {
        limits ??= RegroupingLimits.Default;
        var groups = new List<IReadOnlyList<PoolMember>>();
        var (bound, optimal, shardCount, candidateCount) = (0, true, 0, 0);
        foreach (var shard in Shards(category, waiting, limits.MaxShardSize, asOf))
        {
            shardCount++;
            var candidates = CandidatePools.Generate(category, shard, asOf: asOf);
            candidateCount += candidates.Count;
            if (candidates.Count == 0)
            {
                continue;
            }

            var packing = candidates.Select(c => new PackingCandidate(c, (ValuePerFamily * c.Length) - 1)).ToList();
            var result = solver.Solve(shard.Count, packing, limits.TimeLimitPerShard);
            groups.AddRange(result.Chosen.Select(i => (IReadOnlyList<PoolMember>)[.. candidates[i].Select(item => shard[item])]));

            // value = 1000·families − pools and pools ≤ families, so families ≤ value / 999.
            bound += (int)Math.Min(shard.Count, result.UpperBound / (ValuePerFamily - 1));
            optimal &= result.ProvedOptimal;
        }

        return new RegroupingPlan(groups, bound, optimal, shardCount, candidateCount);
    }

    /// <summary>
    /// Applies a plan to the forming pools it was made from. Each group goes to a pool all of whose
    /// members are in the group (the one with most of them), or to a new pool; the others move in.
    /// Pools left empty are cancelled. Returns every pool that changed and every move made.
    /// </summary>
    public static RegroupingChange Apply(ServiceCategory category, IReadOnlyList<DemandPool> forming, RegroupingPlan plan, DateTimeOffset now, Func<Guid> newPoolId)
    {
        var poolOf = forming.SelectMany(p => p.Members.Select(m => (m.RequestId, Pool: p))).ToDictionary(x => x.RequestId, x => x.Pool);
        var changed = new Dictionary<Guid, DemandPool>();
        var moves = new List<PoolMove>();
        var usedTargets = new HashSet<Guid>();
        foreach (var group in plan.Groups)
        {
            var ids = group.Select(m => m.RequestId).ToHashSet();
            var target = group.Select(m => poolOf[m.RequestId]).Distinct()
                .Where(p => !usedTargets.Contains(p.Id) && p.Members.All(m => ids.Contains(m.RequestId)))
                .OrderByDescending(p => p.Members.Count).ThenBy(p => p.CreatedAt)
                .FirstOrDefault();
            var incoming = group.Where(m => target is null || poolOf[m.RequestId].Id != target.Id).ToList();
            foreach (var member in incoming)
            {
                var source = poolOf[member.RequestId];
                if (!source.Release(member.RequestId))
                {
                    throw new InvalidOperationException($"Request {member.RequestId} is not waiting in a forming pool.");
                }

                changed[source.Id] = source;
            }

            if (target is null)
            {
                target = DemandPool.Start(newPoolId(), forming[0].MunicipalityCode, category, incoming[0] with { JoinedAt = now }, now);
                incoming[0..1].ForEach(m => moves.Add(new PoolMove(m.RequestId, m.FamilyId, poolOf[m.RequestId].Id, target.Id)));
                incoming = incoming[1..];
            }

            foreach (var member in incoming)
            {
                var verdict = target.Join(category, member with { JoinedAt = now }, now);
                if (verdict != Incompatibility.None)
                {
                    throw new InvalidOperationException($"A regrouping plan broke a rule: {verdict}.");
                }

                moves.Add(new PoolMove(member.RequestId, member.FamilyId, poolOf[member.RequestId].Id, target.Id));
            }

            usedTargets.Add(target.Id);
            changed[target.Id] = target;
        }

        return new RegroupingChange([.. changed.Values], moves);
    }

    /// <summary>
    /// One background run over the pools of a municipality × category: the exact regrouping of the
    /// families waiting below quorum, then the places left in pools at quorum filled with waiting
    /// families that fit (a join, which open pools take anyway). Returns the plan and every change.
    /// </summary>
    public static (RegroupingPlan Plan, RegroupingChange Change) Run(ServiceCategory category, IReadOnlyList<DemandPool> pools, ISetPackingSolver solver, RegroupingLimits limits, DateTimeOffset now, Func<Guid> newPoolId)
    {
        var forming = pools.Where(p => p.Status == PoolStatus.Forming && p.Members.Count < p.Quorum).ToList();
        var today = ItalianCalendar.DayOf(now);
        var plan = Plan(category, [.. forming.SelectMany(p => p.Members)], solver, limits, today);
        var regrouped = plan.Groups.Count == 0 ? RegroupingChange.None : Apply(category, forming, plan, now, newPoolId);
        var all = pools.Concat(regrouped.Changed).DistinctBy(p => p.Id).ToList();
        var byId = all.ToDictionary(p => p.Id);
        var changed = regrouped.Changed.ToDictionary(p => p.Id);
        var moves = regrouped.Moves.ToList();
        foreach (var pool in all.Where(p => p.Members.Count >= p.Quorum && p.PlacesLeft > 0).OrderBy(p => p.CreatedAt).ToList())
        {
            var fill = Completion.For(category, pool, all, today);
            if (fill.Count > 0)
            {
                foreach (var touched in Completion.Apply(category, pool, fill, byId, now))
                {
                    changed[touched.Id] = touched;
                }

                moves.AddRange(fill);
            }
        }

        return (plan, new RegroupingChange([.. changed.Values], moves));
    }

    /// <summary>Groups of requests that could share a pool, none larger than <paramref name="maxShardSize"/>.</summary>
    public static IEnumerable<IReadOnlyList<PoolMember>> Shards(ServiceCategory category, IReadOnlyList<PoolMember> members, int maxShardSize, DateOnly? asOf = null)
    {
        var parent = Enumerable.Range(0, members.Count).ToArray();
        int Find(int i) => parent[i] == i ? i : parent[i] = Find(parent[i]);

        // Only homes within the radius can share a pool: compare each request with the neighbouring grid cells.
        var cellDegrees = category.RadiusMeters / 111_000.0;
        var cells = members.Select((m, i) => (Cell: ((int)Math.Floor(m.Location.Latitude / cellDegrees), (int)Math.Floor(m.Location.Longitude / cellDegrees)), Index: i))
            .GroupBy(x => x.Cell).ToDictionary(g => g.Key, g => g.Select(x => x.Index).ToList());
        foreach (var ((row, col), indexes) in cells)
        {
            foreach (var i in indexes)
            {
                for (var dr = -1; dr <= 1; dr++)
                {
                    for (var dc = -2; dc <= 2; dc++)
                    {
                        if (!cells.TryGetValue((row + dr, col + dc), out var others))
                        {
                            continue;
                        }

                        foreach (var j in others.Where(j => j > i && Find(i) != Find(j)))
                        {
                            if (Compatibility.Check(category, [members[i]], members[j], asOf: asOf) == Incompatibility.None)
                            {
                                parent[Find(i)] = Find(j);
                            }
                        }
                    }
                }
            }
        }

        return Enumerable.Range(0, members.Count).GroupBy(Find)
            .Where(g => g.Count() >= category.Quorum)
            .SelectMany(g => Bisect([.. g.Select(i => members[i])], maxShardSize));
    }

    private static IEnumerable<IReadOnlyList<PoolMember>> Bisect(List<PoolMember> shard, int maxShardSize)
    {
        if (shard.Count <= maxShardSize)
        {
            return [shard];
        }

        var latSpan = shard.Max(m => m.Location.Latitude) - shard.Min(m => m.Location.Latitude);
        var lonSpan = (shard.Max(m => m.Location.Longitude) - shard.Min(m => m.Location.Longitude)) * 0.7;
        Func<PoolMember, double> axis = latSpan >= lonSpan ? m => m.Location.Latitude : m => m.Location.Longitude;
        var sorted = shard.OrderBy(axis).ThenBy(m => m.RequestId).ToList();
        var half = sorted.Count / 2;
        return Bisect(sorted[..half], maxShardSize).Concat(Bisect(sorted[half..], maxShardSize));
    }
}

/// <summary>A waiting request moved from one forming pool to another by re-optimisation or a refill.</summary>
public sealed record PoolMove(Guid RequestId, Guid FamilyId, Guid From, Guid To);

public sealed record RegroupingChange(IReadOnlyList<DemandPool> Changed, IReadOnlyList<PoolMove> Moves)
{
    public static RegroupingChange None { get; } = new([], []);
}
