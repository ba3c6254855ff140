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
