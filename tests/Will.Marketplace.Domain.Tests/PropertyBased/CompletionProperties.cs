using CsCheck;
using Will.Marketplace.Domain.Catalog;
using Will.Marketplace.Domain.Matching;
using Will.Marketplace.Domain.Pools;

namespace Will.Marketplace.Domain.Tests.PropertyBased;

/// <summary>
/// Completion skips whole pools whose first member (and how far the others live from it) puts every
/// member out of reach. What it finds must be what reading every member finds, for any pools: also
/// pools whose members live farther apart than the rules allow (as stored data may hold).
/// </summary>
public sealed class CompletionProperties
{
    [TestCase("nanny-share")]
    [TestCase("after-school")]
    [TestCase("home-care-elderly")]
    public void WaitingNearAndIsPromising_OnAnyWaitingPools_FindWhatReadingEveryMemberFinds(string categoryCode)
    {
        var category = CandidateGens.Categories[categoryCode];

        Gen.Select(CandidateGens.For(category).Where(c => c.Length >= 3), Gen.Int[1, 4]).Sample((candidates, perPool) =>
        {
            var people = candidates.Select((c, i) => c.ToMember(i) with { JoinedAt = Samples.Now.AddDays(-i) }).ToArray();
            var pools = people.Skip(1).Chunk(perPool)
                .Select(members => new DemandPool(Guid.NewGuid(), "016024", category.Code, PoolStatus.Forming, 40, 10, members, Samples.Now, null, 0))
                .ToList();
            var near = people[0];
            var waiting = Completion.WaitingNear(category, near, pools).Select(w => w.Member.RequestId).Order().ToList();
            var everyMember = pools.SelectMany(p => p.Members).Where(m => m.Location.IsWithinMeters(near.Location, category.RadiusMeters)).Select(m => m.RequestId).Order().ToList();

            var group = pools.FirstOrDefault(p => p.Members.Count >= 2 && p.Members.Count < category.Quorum)?.Members;
            return waiting.SequenceEqual(everyMember) &&
                (group is null || Completion.IsPromising(category, group, pools) == PromisingByEveryMember(category, group, pools));
        }, iter: 400);
    }

    [TestCase("nanny-share")]
    [TestCase("after-school")]
    [TestCase("home-care-elderly")]
    public void WaitingNear_OnPoolsGrownOneJoinAtATime_FindsWhatReadingEveryMemberFinds(string categoryCode)
    {
        // A join grows the pool's digest by the newcomer alone (its home, how far it lives from the first member).
        var category = CandidateGens.Categories[categoryCode];

        Gen.Select(CandidateGens.For(category).Where(c => c.Length >= 3), Gen.Int[1, 6]).Sample((candidates, perPool) =>
        {
            var people = candidates.Select((c, i) => c.ToMember(i)).ToArray();
            var near = people[0];
            var pools = new List<DemandPool>();
            foreach (var members in people.Skip(1).Chunk(perPool))
            {
                var pool = new DemandPool(Guid.NewGuid(), "016024", category.Code, PoolStatus.Forming, 40, 40, members.Take(1), Samples.Now, null, 0);
                foreach (var member in members.Skip(1))
                {
                    _ = Completion.WaitingNear(category, near, [pool]);
                    pool.Join(category, member, Samples.Now);
                }

                pools.Add(pool);
            }

            var waiting = Completion.WaitingNear(category, near, pools).Select(w => w.Member.RequestId).Order();
            var everyMember = pools.SelectMany(p => p.Members).Where(m => m.Location.IsWithinMeters(near.Location, category.RadiusMeters)).Select(m => m.RequestId).Order();
            return waiting.SequenceEqual(everyMember);
        }, iter: 400);
    }

    /// <summary>The rule as stated: at least two recent families of the joinable pools, near, not in the group, each fitting it whole.</summary>
    private static bool PromisingByEveryMember(ServiceCategory category, IReadOnlyList<PoolMember> group, List<DemandPool> pools)
    {
        var latest = pools.Where(p => p.IsJoinable).SelectMany(p => p.Members).Max(m => m.JoinedAt);
        return pools.Where(p => p.IsJoinable).SelectMany(p => p.Members).Count(m =>
            m.JoinedAt >= latest - Completion.RecentDemand &&
            m.Location.IsWithinMeters(group[0].Location, category.RadiusMeters) &&
            group.All(g => g.RequestId != m.RequestId) &&
            Compatibility.Check(category, group, m) == Incompatibility.None) >= Completion.PromisingAfter;
    }
}
