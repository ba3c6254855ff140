using CsCheck;
using Will.Marketplace.Domain.Catalog;
using Will.Marketplace.Domain.Matching;
using Will.Marketplace.Domain.Pools;
using Will.Marketplace.Domain.Ports;

namespace Will.Marketplace.Domain.Tests.PropertyBased;

/// <summary>
/// Re-optimisation over the pools that online placement left below quorum: whatever the solver
/// picks, no request is lost or duplicated, no rule or capacity is broken, pools open for bids are
/// not touched and no fewer families are pooled than before.
/// </summary>
public sealed class RegroupingProperties
{
    [TestCase("nanny-share")]
    [TestCase("after-school")]
    [TestCase("home-care-elderly")]
    public void PlanThenApply_OverWhatPlacementLeftWaiting_NeverLosesARequestOrBreaksARule(string categoryCode)
    {
        var category = CandidateGens.Categories[categoryCode];
        var regrouped = 0;

        CandidateGens.For(category).Sample(candidates =>
        {
            var pools = PlaceAll(category, candidates.Select((c, i) => c.ToMember(i)));
            var open = pools.Where(p => p.Status != PoolStatus.Forming).ToDictionary(p => p.Id, p => (p.Version, Members: p.Members.Select(m => m.RequestId).ToList()));
            var forming = pools.Where(p => p.Status == PoolStatus.Forming).ToList();
            var before = Pooled(pools);
            var allIds = pools.SelectMany(p => p.Members).Select(m => m.RequestId).Order().ToList();

            var plan = Regrouping.Plan(category, [.. forming.SelectMany(p => p.Members)], new GreedyPacking(), new RegroupingLimits(12, TimeSpan.FromSeconds(1)));
            var change = Regrouping.Apply(category, forming, plan, Samples.Now, Guid.NewGuid);
            var after = pools.Concat(change.Changed).DistinctBy(p => p.Id).ToList();
            Interlocked.Add(ref regrouped, change.Moves.Count > 0 ? 1 : 0);

            return after.SelectMany(p => p.Members).Select(m => m.RequestId).Order().SequenceEqual(allIds) &&
                after.Where(p => p.Status != PoolStatus.Cancelled).All(p => PoolInvariants.Hold(category, p)) &&
                after.Where(p => p.Status == PoolStatus.Cancelled).All(p => p.Members.Count == 0) &&
                after.Where(p => open.ContainsKey(p.Id)).All(p => p.Members.Select(m => m.RequestId).SequenceEqual(open[p.Id].Members)) &&
                change.Changed.All(p => !open.ContainsKey(p.Id)) &&
                Pooled(after) == before + plan.Pooled &&
                change.Moves.All(m => after.Single(p => p.Id == m.To).Members.Any(x => x.RequestId == m.RequestId));
        }, iter: 300);
        // With a quorum of two, a waiting family is never compatible with another waiting one (placement
        // would have paired them), so only the larger quorums leave something to regroup.
        Assert.That(regrouped, category.Quorum > 2 ? Is.GreaterThan(0) : Is.Zero);
    }

    [TestCase("nanny-share")]
    [TestCase("after-school")]
    [TestCase("home-care-elderly")]
    public void DecideCompleteAndRun_WhenRandomRequestsArriveOneByOne_KeepEveryRequestOnceWithinTheRules(string categoryCode)
    {
        var category = CandidateGens.Categories[categoryCode];
        var completed = 0;

        CandidateGens.For(category).Sample(candidates =>
        {
            var pools = new List<DemandPool>();
            var pooledSoFar = 0;
            foreach (var member in candidates.Select((c, i) => c.ToMember(i)))
            {
                var decision = Placement.Decide(category, member, pools, Guid.NewGuid());
                if (!Carry(category, pools, member, decision))
                {
                    return false;
                }

                if (decision.Moves.Count > 0)
                {
                    Interlocked.Increment(ref completed);
                }

                // Pooled families stay pooled, whatever a later arrival does.
                if (Pooled(pools) < pooledSoFar)
                {
                    return false;
                }

                pooledSoFar = Pooled(pools);
            }

            var (_, change) = Regrouping.Run(category, pools, new GreedyPacking(), new RegroupingLimits(12, TimeSpan.FromSeconds(1)), Samples.Now, Guid.NewGuid);
            var after = pools.Concat(change.Changed).DistinctBy(p => p.Id).ToList();
            return after.SelectMany(p => p.Members).Select(m => m.RequestId).Order().SequenceEqual(candidates.Select((_, i) => new Guid(i, 0, 0, new byte[8])).Order()) &&
                after.Where(p => p.Status != PoolStatus.Cancelled).All(p => PoolInvariants.Hold(category, p)) &&
                Pooled(after) >= pooledSoFar;
        }, iter: 300);
        if (category.Quorum > 2)
        {
            Assert.That(completed, Is.GreaterThan(0), "some arrivals must complete a pool with waiting families, or the property says little");
        }
    }

    [TestCase("after-school")]
    [TestCase("home-care-elderly")]
    public void SparePlaces_WhenRandomRequestsArriveOneByOne_NeverBreakUpAPromisingGroup(string categoryCode)
    {
        var category = CandidateGens.Categories[categoryCode];
        var spared = 0;

        CandidateGens.For(category).Sample(candidates =>
        {
            var pools = new List<DemandPool>();
            foreach (var member in candidates.Select((c, i) => c.ToMember(i)))
            {
                var atQuorum = pools.Where(p => p.Members.Count >= p.Quorum).Select(p => p.Id).ToHashSet();
                var promising = pools.Where(p => Completion.IsPromising(category, p.Members, pools)).Select(p => p.Id).ToHashSet();
                var decision = Placement.Decide(category, member, pools, Guid.NewGuid());
                if (decision.Pool is { } into && atQuorum.Contains(into.Id) && decision.Moves.Any(m => promising.Contains(m.From)))
                {
                    return false;
                }

                if (!Carry(category, pools, member, decision))
                {
                    return false;
                }

                foreach (var open in pools.Where(p => p.Members.Count >= p.Quorum && p.PlacesLeft > 0))
                {
                    var fill = Completion.For(category, open, pools);
                    var groups = pools.Where(p => Completion.IsPromising(category, p.Members, pools)).Select(p => p.Id).ToHashSet();
                    if (fill.Any(m => groups.Contains(m.From)))
                    {
                        return false;
                    }

                    Interlocked.Add(ref spared, groups.Count > 0 ? 1 : 0);
                }
            }

            return pools.Where(p => p.Status != PoolStatus.Cancelled).All(p => PoolInvariants.Hold(category, p));
        }, iter: 300);
        Assert.That(spared, Is.GreaterThan(0), "some spare places must meet a promising group, or the property says little");
    }

    /// <summary>Carries a decision out as the matchmaker does: join or start, then the moves; false when the pool refuses.</summary>
    private static bool Carry(ServiceCategory category, List<DemandPool> pools, PoolMember member, PlacementDecision decision)
    {
        var pool = decision.Pool;
        if (pool is null)
        {
            pools.Add(pool = DemandPool.Start(Guid.NewGuid(), "016024", category, member, Samples.Now));
        }
        else if (pool.Join(category, member, Samples.Now) != Incompatibility.None)
        {
            return false;
        }

        if (decision.Moves.Count > 0)
        {
            Completion.Apply(category, pool, decision.Moves, pools.ToDictionary(p => p.Id), Samples.Now);
        }

        return true;
    }

    private static int Pooled(IEnumerable<DemandPool> pools) => pools.Where(p => p.Members.Count >= p.Quorum).Sum(p => p.Members.Count);

    private static List<DemandPool> PlaceAll(ServiceCategory category, IEnumerable<PoolMember> members)
    {
        var pools = new List<DemandPool>();
        foreach (var member in members)
        {
            var best = Placement.ChooseBest(category, member, pools);
            if (best is null)
            {
                pools.Add(DemandPool.Start(Guid.NewGuid(), "016024", category, member, Samples.Now));
            }
            else
            {
                best.Join(category, member, Samples.Now);
            }
        }

        return pools;
    }
}
