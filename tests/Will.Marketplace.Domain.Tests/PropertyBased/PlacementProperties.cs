using CsCheck;
using Will.Marketplace.Domain.Catalog;
using Will.Marketplace.Domain.Matching;
using Will.Marketplace.Domain.Pools;

namespace Will.Marketplace.Domain.Tests.PropertyBased;

/// <summary>Placing requests one by one, as the matchmaker does, never breaks a pool's rules.</summary>
public sealed class PlacementProperties
{
    [TestCase("nanny-share")]
    [TestCase("after-school")]
    [TestCase("home-care-elderly")]
    public void ChooseBestThenJoin_WhenRandomRequestsArriveOneByOne_PlacesEachOnceWithinCapacityAndRules(string categoryCode)
    {
        var category = CandidateGens.Categories[categoryCode];

        CandidateGens.For(category).Sample(candidates =>
        {
            var members = candidates.Select((c, i) => c.ToMember(i)).ToArray();
            var pools = PlaceAll(category, members);
            return pools is not null &&
                pools.SelectMany(p => p.Members).Select(m => m.RequestId).Order().SequenceEqual(members.Select(m => m.RequestId)) &&
                pools.All(p => PoolInvariants.Hold(category, p));
        }, iter: 300);
    }

    /// <summary>
    /// A shared worker's schedule fit counts the members whose slots come within twice the travel buffer
    /// of the newcomer's, though it reads only the schedules of members whose hours come near the
    /// newcomer's: it must count exactly the members a full reading counts.
    /// </summary>
    [Test]
    public void Score_ForASharedWorker_CountsEveryMemberWithinTwiceTheTravelBuffer()
    {
        var category = Samples.HomeCare;
        var gap = category.TravelBufferMinutes * 2;
        var counted = 0;
        Gen.Select(Gens.Schedule.Array[1, 6], Gens.Schedule).Sample((schedules, newcomer) =>
        {
            var members = schedules.Select(s => Samples.Member(Guid.NewGuid(), s, Samples.Bergamo)).ToArray();
            var pool = new DemandPool(Guid.NewGuid(), "016024", category.Code, PoolStatus.Forming, category.Capacity, category.Quorum, members, Samples.Now, null, 0);
            var conflicting = members.Count(m => m.Schedule.Conflicts(newcomer, gap));
            Interlocked.Add(ref counted, conflicting);
            return Placement.Score(category, pool, Samples.Member(Guid.NewGuid(), newcomer, Samples.Bergamo)).ScheduleFit == -conflicting;
        }, iter: 2_000);
        Assert.That(counted, Is.GreaterThan(500), "enough members conflict for the property to say something");
    }

    /// <summary>
    /// <see cref="Placement.Decide"/> leaves out options that cannot beat the best so far and asks a
    /// waiting pool whether it is promising only when one of its families fits a spare place: what it
    /// decides must be what weighing every option in full decides (the rule as documented).
    /// </summary>
    [TestCase("nanny-share", false)]
    [TestCase("after-school", true)]
    [TestCase("home-care-elderly", true)]
    public void Decide_WhenRandomRequestsArriveOneByOne_DecidesWhatWeighingEveryOptionDecides(string categoryCode, bool completes)
    {
        var category = CandidateGens.Categories[categoryCode];
        var completed = 0;

        CandidateGens.For(category).Sample(candidates =>
        {
            var pools = new List<DemandPool>();
            // Arrivals three days apart, so that the earliest families drop out of recent demand.
            foreach (var member in candidates.Select((c, i) => c.ToMember(i) with { JoinedAt = Samples.Now.AddDays(3 * i) }))
            {
                var joinable = pools.Where(p => p.IsJoinable).ToList();
                var newPoolId = Guid.NewGuid();
                var expected = WeighingEveryOption(category, member, joinable, newPoolId);
                var decision = Placement.Decide(category, member, joinable, newPoolId);
                if (decision.Pool?.Id != expected.Pool?.Id || decision.Gain != expected.Gain || !decision.Moves.SequenceEqual(expected.Moves))
                {
                    return false;
                }

                Interlocked.Add(ref completed, decision.Moves.Count > 0 ? 1 : 0);
                var pool = decision.Pool ?? DemandPool.Start(newPoolId, "016024", category, member, member.JoinedAt);
                if (decision.Pool is null)
                {
                    pools.Add(pool);
                }
                else if (pool.Join(category, member, member.JoinedAt) != Incompatibility.None)
                {
                    return false;
                }

                if (decision.Moves.Count > 0)
                {
                    Completion.Apply(category, pool, decision.Moves, pools.ToDictionary(p => p.Id), member.JoinedAt);
                }
            }

            return true;
        }, iter: 300);
        // A nanny share (quorum two, three places) is completed by joining, arrivals one by one: a waiting family's own pool takes the newcomer first.
        Assert.That(completed > 0 || !completes, "some decisions must pull waiting families in, or the property says little");
    }

    /// <summary>The placement rule with nothing left out: every compatible pool and a new pool, each completed and ranked in full.</summary>
    private static PlacementDecision WeighingEveryOption(ServiceCategory category, PoolMember candidate, List<DemandPool> pools, Guid newPoolId)
    {
        var waiting = Completion.WaitingNear(category, candidate, pools);
        var promising = pools.Where(p => Completion.IsPromising(category, p.Members, pools)).Select(p => p.Id).ToHashSet();
        PlacementDecision? best = null;
        var bestRank = -1;
        foreach (var pool in Placement.Ranked(category, candidate, pools))
        {
            var atQuorum = pool.Members.Count >= pool.Quorum;
            var group = pool.Members.Append(candidate).ToList();
            var moves = Completion.Plan(category, group, pool.Id, atQuorum ? [.. waiting.Where(w => !promising.Contains(w.From.Id))] : waiting);
            var gain = atQuorum ? 1 + moves.Count : group.Count + moves.Count >= pool.Quorum ? group.Count + moves.Count : 0;
            var rank = gain == 0 && group.Count < category.Quorum && Completion.IsPromising(category, group, pools) ? 3 : 2 * gain;
            if (rank > bestRank)
            {
                (best, bestRank) = (new PlacementDecision(pool, moves, gain), rank);
            }
        }

        var alone = Completion.Plan(category, [candidate], newPoolId, waiting);
        var aloneGain = 1 + alone.Count >= category.Quorum ? 1 + alone.Count : 0;
        return best is null || 2 * aloneGain > bestRank ? new PlacementDecision(null, alone, aloneGain) : best;
    }

    /// <summary>Null when a pool that placement chose then refused the member.</summary>
    private static List<DemandPool>? PlaceAll(ServiceCategory category, IEnumerable<PoolMember> members)
    {
        var pools = new List<DemandPool>();
        foreach (var member in members)
        {
            var best = Placement.ChooseBest(category, member, pools);
            if (best is null)
            {
                pools.Add(DemandPool.Start(Guid.NewGuid(), "016024", category, member, Samples.Now));
            }
            else if (best.Join(category, member, Samples.Now) != Incompatibility.None)
            {
                return null;
            }
        }

        return pools;
    }
}
