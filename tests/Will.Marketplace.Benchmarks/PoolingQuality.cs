using System.Diagnostics;
using Will.Marketplace.Domain.Catalog;
using Will.Marketplace.Domain.Common;
using Will.Marketplace.Domain.Matching;
using Will.Marketplace.Domain.Pools;
using Will.Marketplace.Optimisation;

namespace Will.Marketplace.Benchmarks;

/// <summary>Pools per municipality × category after running an engine over an instance.</summary>
public sealed record EngineResult(string Engine, IReadOnlyList<DemandPool> Pools, TimeSpan Elapsed)
{
    /// <summary>With <c>coldEvery</c>: the decisions timed alone after the caches were flushed (µs), in arrival order.</summary>
    public IReadOnlyList<double> ColdDecisions { get; init; } = [];

    /// <summary>With <c>regroupOpenFor</c> (a rule the product does not have): times a family was taken out of a pool open for bids by a regrouping.</summary>
    public int TakenFromOpenPools { get; init; }

    /// <summary>With <c>regroupOpenFor</c>: the families that were, once or more.</summary>
    public int FamiliesTakenFromOpenPools { get; init; }

    public int Pooled => Pools.Where(p => p.Members.Count >= p.Quorum).Sum(p => p.Members.Count);

    public int ViablePools => Pools.Count(p => p.Members.Count >= p.Quorum);
}

/// <summary>
/// The engines compared: a plain first-fit greedy, the product's online placement (the same
/// <see cref="Placement"/> the matchmaker grain uses), that followed by the background
/// re-optimisation, and the offline exact solve of the whole instance.
/// </summary>
public static class PoolingQuality
{
    private static readonly CpSatSetPackingSolver Solver = new();

    /// <param name="coldEvery">
    /// When above zero, every so many requests the caches are swept (<paramref name="sweep"/> written through) and that
    /// decision is timed alone: a decision as a lone placement finds its matchmaker's pools, gone from the core's caches.
    /// </param>
    /// <param name="sweep">What a sweep writes through, made by the caller (its bytes are not the run's).</param>
    /// <param name="regroupOpenFor">
    /// A what-if, not the product's rule: the background run may also regroup the families of pools open for bids (nobody
    /// bids here) whose members all first stood in a pool at quorum less than this long ago, when that pools more of the
    /// families it may regroup.
    /// The product never disturbs a pool open for bids.
    /// </param>
    public static EngineResult Online(Instance instance, bool firstFit = false, bool background = false, int coldEvery = 0, long[]? sweep = null, TimeSpan? regroupOpenFor = null)
    {
        var cold = new List<double>();
        var takenFromOpen = new List<Guid>();
        var firstOpened = new Dictionary<Guid, DateTimeOffset>();
        var arrived = 0;
        var clock = Stopwatch.StartNew();
        var pools = new Dictionary<(string, string), List<DemandPool>>();
        var joinable = new Dictionary<(string, string), Dictionary<Guid, DemandPool>>();
        foreach (var request in instance.Requests)
        {
            var category = Instance.Categories[request.Category];
            var member = request.ToMember();
            var here = pools.TryGetValue((request.Municipality, request.Category), out var list) ? list : pools[(request.Municipality, request.Category)] = [];
            if (firstFit)
            {
                var first = here.FirstOrDefault(p => p.Check(category, member) == Incompatibility.None);
                if (first is null)
                {
                    here.Add(DemandPool.Start(member.RequestId, request.Municipality, category, member, member.JoinedAt));
                }
                else
                {
                    first.Join(category, member, member.JoinedAt);
                }

                continue;
            }

            // As the matchmaker: only joinable pools are offered (the others could take nobody), kept from one
            // placement to the next as it keeps them (made afresh for each request, the list took a sixth of the run).
            var open = joinable.TryGetValue((request.Municipality, request.Category), out var kept) ? kept : joinable[(request.Municipality, request.Category)] = [];
            var timedCold = coldEvery > 0 && sweep is not null && ++arrived % coldEvery == 0;
            if (timedCold)
            {
                // The sweep is not the run's time.
                clock.Stop();
                Flush(sweep!);
                clock.Start();
            }

            var deciding = timedCold ? Stopwatch.GetTimestamp() : 0;
            var decision = Placement.Decide(category, member, open.Values, member.RequestId);
            if (timedCold)
            {
                cold.Add(Stopwatch.GetElapsedTime(deciding).TotalMicroseconds);
            }

            var pool = decision.Pool;
            if (pool is null)
            {
                here.Add(pool = DemandPool.Start(member.RequestId, request.Municipality, category, member, member.JoinedAt));
                Keep(open, pool);
            }
            else if (pool.Join(category, member, member.JoinedAt) != Incompatibility.None)
            {
                throw new InvalidOperationException("Placement chose a pool that refused the request.");
            }

            if (decision.Moves.Count > 0)
            {
                foreach (var changed in Completion.Apply(category, pool, decision.Moves, open, member.JoinedAt))
                {
                    Keep(open, changed);
                }
            }

            Keep(open, pool);

            // The matchmaker's background run comes 30 s after a family starts waiting: before the next arrival.
            if (background && pool.Members.Count < pool.Quorum)
            {
                if (regroupOpenFor is { } openFor)
                {
                    RegroupWithOpen(category, request.Municipality, here, open, member.JoinedAt, openFor, firstOpened, takenFromOpen);
                }

                var (_, change) = Regrouping.Run(category, here, Solver, RegroupingLimits.Default, member.JoinedAt, Guid.NewGuid);
                here.AddRange(change.Changed.Where(c => here.All(p => p.Id != c.Id)));
                foreach (var changed in change.Changed)
                {
                    Keep(open, changed);
                }
            }
        }

        var name = firstFit ? "first-fit greedy" : background ? "online engine (+ background)" : "placement alone";
        name = regroupOpenFor is { } days ? $"what-if: open pools regrouped for {days.TotalDays:F0} days" : name;
        return new EngineResult(name, [.. pools.Values.SelectMany(p => p)], clock.Elapsed) { ColdDecisions = cold, TakenFromOpenPools = takenFromOpen.Count, FamiliesTakenFromOpenPools = takenFromOpen.Distinct().Count() };
    }

    /// <summary>
    /// The what-if of <c>regroupOpenFor</c>: the families waiting below quorum and those in pools open for bids whose
    /// members all first stood in a pool at quorum less than <paramref name="openFor"/> ago (<paramref name="firstOpened"/>:
    /// a regrouping does not start a family's time again), solved exactly together; when the plan pools more of them than
    /// their pools do now, those pools are dissolved, the plan's groups become pools and each family left out waits alone. Each request
    /// taken out of a pool open for bids is added to <paramref name="taken"/>.
    /// </summary>
    private static void RegroupWithOpen(ServiceCategory category, string municipality, List<DemandPool> here, Dictionary<Guid, DemandPool> open, DateTimeOffset now, TimeSpan openFor,
        Dictionary<Guid, DateTimeOffset> firstOpened, List<Guid> taken)
    {
        foreach (var atQuorum in here.Where(p => p.QuorumReachedAt is not null && p.Members.Count >= p.Quorum))
        {
            foreach (var member in atQuorum.Members)
            {
                // A family that took a spare place counts from the pool's quorum: earlier than it joined, so never in its favour.
                firstOpened.TryAdd(member.RequestId, atQuorum.QuorumReachedAt!.Value);
            }
        }

        var involved = here.Where(p => p.Members.Count > 0 &&
            ((p.Status == PoolStatus.Forming && p.Members.Count < p.Quorum) ||
             (p.Status == PoolStatus.OpenForBids && p.Members.All(m => firstOpened[m.RequestId] > now - openFor)))).ToList();
        var pooledNow = involved.Where(p => p.Members.Count >= p.Quorum).Sum(p => p.Members.Count);
        if (pooledNow == 0)
        {
            // No open pool among them: the product's own run regroups the waiting families.
            return;
        }

        var plan = Regrouping.Plan(category, [.. involved.SelectMany(p => p.Members)], Solver, RegroupingLimits.Default, ItalianCalendar.DayOf(now));
        if (plan.Pooled <= pooledNow)
        {
            return;
        }

        // Each regrouped family's group; a family in none waits alone.
        var groupOf = plan.Groups.SelectMany((group, index) => group.Select(m => (m.RequestId, index))).ToDictionary(x => x.RequestId, x => x.index);
        var dissolved = involved.Select(p => p.Id).ToHashSet();
        here.RemoveAll(p => dissolved.Contains(p.Id));
        foreach (var id in dissolved)
        {
            open.Remove(id);
        }

        var alone = involved.SelectMany(p => p.Members).Where(m => !groupOf.ContainsKey(m.RequestId)).Select(m => DemandPool.Start(Guid.NewGuid(), municipality, category, m, now));
        foreach (var pool in plan.Groups.Select(g => Pool(category, municipality, g, now)).Concat(alone).ToList())
        {
            here.Add(pool);
            Keep(open, pool);
        }

        // The families of an open pool stay in it only if the plan keeps them all in one group; otherwise each is taken out.
        foreach (var before in involved.Where(p => p.Status == PoolStatus.OpenForBids))
        {
            var groups = before.Members.Select(m => groupOf.TryGetValue(m.RequestId, out var g) ? g : -1).Distinct().ToList();
            if (groups is not [>= 0])
            {
                taken.AddRange(before.Members.Select(m => m.RequestId));
            }
        }
    }

    /// <summary>Writes through every cache line of <paramref name="sweep"/>, evicting what a decision reads from the caches it outgrows.</summary>
    private static void Flush(long[] sweep)
    {
        for (var i = 0; i < sweep.Length; i += 8)
        {
            sweep[i]++;
        }
    }

    /// <summary>A pool changed: kept for the next placement while it can be joined.</summary>
    private static void Keep(Dictionary<Guid, DemandPool> joinable, DemandPool pool)
    {
        if (pool.IsJoinable)
        {
            joinable[pool.Id] = pool;
        }
        else
        {
            joinable.Remove(pool.Id);
        }
    }

    /// <summary>
    /// One more background run per matchmaker once everything has arrived, as of the last arrival (later,
    /// start dates already past would count as that later day, which the offline optimum does not read).
    /// </summary>
    public static EngineResult Reoptimised(EngineResult online, RegroupingLimits limits)
    {
        var clock = Stopwatch.StartNew();
        var pools = online.Pools.Select(Copy).ToList();
        var now = pools.Max(p => p.LatestJoinedAt);
        foreach (var group in pools.GroupBy(p => (p.MunicipalityCode, p.CategoryCode)).ToList())
        {
            var (_, change) = Regrouping.Run(Instance.Categories[group.Key.CategoryCode], [.. group], Solver, limits, now, Guid.NewGuid);
            pools.AddRange(change.Changed.Where(c => pools.All(p => p.Id != c.Id)));
        }

        return new EngineResult(online.Engine + " + final run", pools, online.Elapsed + clock.Elapsed);
    }

    /// <summary>
    /// The offline optimum: every request of each municipality × category solved at once by CP-SAT
    /// over candidate pools (larger shards, longer limits). Returns the pools and the proven bound
    /// on pooled families for that candidate set. Start dates are read as of the last arrival: the
    /// latest day any engine checks them, when dates already past have come closest, so no engine can
    /// group families this reading keeps apart.
    /// </summary>
    public static (EngineResult Result, int UpperBound, bool ProvedOptimal) Offline(Instance instance, RegroupingLimits limits)
    {
        var clock = Stopwatch.StartNew();
        var last = instance.Requests.Max(r => r.ArrivedAt);
        var solver = new CpSatSetPackingSolver(workers: Math.Max(1, Environment.ProcessorCount));
        var pools = new List<DemandPool>();
        var (bound, optimal) = (0, true);
        foreach (var group in instance.Requests.GroupBy(r => (r.Municipality, r.Category)))
        {
            var category = Instance.Categories[group.Key.Category];
            var plan = Regrouping.Plan(category, [.. group.Select(r => r.ToMember())], solver, limits, ItalianCalendar.DayOf(last));
            pools.AddRange(plan.Groups.Select(g => Pool(category, group.Key.Municipality, g, last)));
            (bound, optimal) = (bound + plan.UpperBound, optimal && plan.ProvedOptimal);
        }

        return (new EngineResult("offline CP-SAT", pools, clock.Elapsed), bound, optimal);
    }

    /// <summary>A pool of the offline optimum, formed at <paramref name="formed"/> (as the plan read start dates).</summary>
    private static DemandPool Pool(ServiceCategory category, string municipality, IReadOnlyList<PoolMember> members, DateTimeOffset formed)
    {
        var pool = DemandPool.Start(Guid.NewGuid(), municipality, category, members[0], formed);
        foreach (var member in members.Skip(1))
        {
            if (pool.Join(category, member, formed) != Incompatibility.None)
            {
                throw new InvalidOperationException($"The offline plan grouped request {member.RequestId} where the rules refuse it.");
            }
        }

        return pool;
    }

    private static DemandPool Copy(DemandPool p) =>
        new(p.Id, p.MunicipalityCode, p.CategoryCode, p.Status, p.Capacity, p.Quorum, p.Members, p.CreatedAt, p.BiddingClosesAt, p.Version, p.QuorumReachedAt);
}
