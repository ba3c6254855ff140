using CsCheck;
using Will.Marketplace.Domain.Matching;
using Will.Marketplace.Domain.Pools;

namespace Will.Marketplace.Domain.Tests.PropertyBased;

/// <summary>
/// The matchmaker's index of joinable pools (<see cref="JoinablePoolDictionary"/>): its headers are
/// copies of what each pool holds, so a decision over the kept index must be the decision over the
/// same pools read afresh, whatever happened to them in between; and it keeps a dictionary's order,
/// which breaks ties.
/// </summary>
public sealed class JoinablePoolDictionaryProperties
{
    [Test]
    public void Values_AfterAnyAddsReplacementsRemovalsAndClears_ComeInTheOrderOfADictionary()
    {
        // 0–5 set (a new pool or a replacement), 6–8 remove, 9 clear; keys from a small range so that all of them meet.
        Gen.Select(Gen.Int[0, 9], Gen.Int[0, 11]).Array[0, 60].Sample(operations =>
        {
            var index = new JoinablePoolDictionary();
            var expected = new Dictionary<Guid, DemandPool>();
            foreach (var (operation, key) in operations)
            {
                var id = new Guid(key + 1, 0, 0, new byte[8]);
                if (operation <= 5)
                {
                    var pool = new DemandPool(id, "016024", "nanny-share", PoolStatus.Forming, 3, 2, [], Samples.Now, null, 0);
                    (index[id], expected[id]) = (pool, pool);
                }
                else if (operation <= 8)
                {
                    if (index.Remove(id) != expected.Remove(id))
                    {
                        return false;
                    }
                }
                else
                {
                    index.Clear();
                    expected.Clear();
                }

                if (!index.Values.SequenceEqual(expected.Values) || index.Count != expected.Count || !index.Keys.Order().SequenceEqual(expected.Keys.Order()))
                {
                    return false;
                }
            }

            return true;
        }, iter: 2_000);
    }

    /// <summary>
    /// Placements one by one over an index kept from one to the next (as the matchmaker keeps it), with
    /// families pulled from pool to pool and some leaving: each decision over the kept index is the one
    /// over the same pools read afresh. Fails if a pool does not tell its index of a change.
    /// </summary>
    [TestCase("nanny-share")]
    [TestCase("after-school")]
    [TestCase("home-care-elderly")]
    public void Decide_OverTheKeptIndex_DecidesAsOverThePoolsReadAfresh(string categoryCode)
    {
        var category = CandidateGens.Categories[categoryCode];
        var joined = 0;

        Gen.Select(CandidateGens.For(category), Gen.Int[0, 1_000].Array[30]).Sample((candidates, leaves) =>
        {
            var index = new JoinablePoolDictionary();
            var pools = new List<DemandPool>();
            var arrivals = candidates.Select((c, i) => c.ToMember(i) with { JoinedAt = Samples.Now.AddDays(2 * i) }).ToArray();
            for (var i = 0; i < arrivals.Length; i++)
            {
                var member = arrivals[i];
                var newPoolId = Guid.NewGuid();
                var kept = Placement.Decide(category, member, index.Values, newPoolId);
                var afresh = Placement.Decide(category, member, [.. index.Values], newPoolId);
                if (kept.Pool?.Id != afresh.Pool?.Id || kept.Gain != afresh.Gain || !kept.Moves.SequenceEqual(afresh.Moves) ||
                    !Placement.Ranked(category, member, index.Values).Select(p => p.Id).SequenceEqual(Placement.Ranked(category, member, [.. index.Values]).Select(p => p.Id)))
                {
                    return false;
                }

                var pool = kept.Pool ?? DemandPool.Start(newPoolId, "016024", category, member, member.JoinedAt);
                if (kept.Pool is null)
                {
                    pools.Add(pool);
                }
                else if (pool.Join(category, member, member.JoinedAt) != Incompatibility.None)
                {
                    return false;
                }
                else
                {
                    Interlocked.Increment(ref joined);
                }

                var changed = kept.Moves.Count > 0 ? Completion.Apply(category, pool, kept.Moves, index, member.JoinedAt) : [pool];
                foreach (var touched in changed)
                {
                    Keep(index, touched);
                }

                // Now and then a pool open for bids is awarded, and stays in the index: nothing but the pool tells the index.
                if (leaves[i] % 5 == 1 && pools.FirstOrDefault(p => p.Status == PoolStatus.OpenForBids) is { } open)
                {
                    open.Award();
                }

                // Now and then a family leaves a pool (its status may change with it).
                if (leaves[i] % 4 == 0 && pools.Where(p => p.Members.Count > 0).ToList() is { Count: > 0 } withMembers)
                {
                    var from = withMembers[leaves[i] % withMembers.Count];
                    var leaving = from.Members[leaves[i] % from.Members.Count];
                    from.Leave(leaving.RequestId, leaving.FamilyId);
                    Keep(index, from);
                }
            }

            return true;
        }, iter: 200);
        Assert.That(joined, Is.GreaterThan(0), "some requests must join a pool, or the property says little");
    }

    /// <summary>A pool joins the index when it becomes joinable and leaves it when it no longer is; one already kept is not set again, so its header stays fresh only if the pool tells.</summary>
    private static void Keep(JoinablePoolDictionary index, DemandPool pool)
    {
        if (pool.IsJoinable)
        {
            if (!index.ContainsKey(pool.Id))
            {
                index[pool.Id] = pool;
            }
        }
        else
        {
            index.Remove(pool.Id);
        }
    }
}
