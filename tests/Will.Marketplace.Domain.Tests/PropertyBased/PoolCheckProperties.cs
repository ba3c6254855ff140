using CsCheck;
using Will.Marketplace.Domain.Catalog;
using Will.Marketplace.Domain.Matching;
using Will.Marketplace.Domain.Pools;
using Will.Marketplace.Domain.Scheduling;

namespace Will.Marketplace.Domain.Tests.PropertyBased;

/// <summary>
/// A pool judges a newcomer from what it keeps of its members (their homes side by side, their
/// attribute values, the union or intersection of their weeks), kept up as members join and leave.
/// Its verdict must be the rules' own verdict on the members themselves, for any pool: also one
/// whose members never passed the rules (as stored data may hold), and with values in any case.
/// </summary>
public sealed class PoolCheckProperties
{
    [TestCase("nanny-share")]
    [TestCase("after-school")]
    [TestCase("home-care-elderly")]
    public void Check_OnAnyPoolAsMembersJoinAndLeave_GivesTheRulesVerdictOnItsMembers(string categoryCode)
    {
        var category = CandidateGens.Categories[categoryCode];

        Gen.Select(CandidateGens.For(category).Where(c => c.Length >= 2), Gen.Int[1, 29], Gen.Int[0, 4]).Sample((candidates, stored, leaveEvery) =>
        {
            var people = candidates.Select((c, i) => Shout(c.ToMember(i), i)).ToArray();
            var first = Math.Min(stored, people.Length - 1);
            var pool = new DemandPool(Guid.NewGuid(), "016024", category.Code, PoolStatus.Forming, 40, category.Quorum, people.Take(first), Samples.Now, null, 0);
            for (var i = first; i < people.Length; i++)
            {
                var newcomer = people[i];
                if (pool.Check(category, newcomer) != Expected(category, pool, newcomer) ||
                    pool.Check(category, pool.Members[0]) != Expected(category, pool, pool.Members[0]))
                {
                    return false;
                }

                pool.Join(category, newcomer, Samples.Now);
                if (leaveEvery > 0 && i % leaveEvery == 0 && pool.Members.Count > 1)
                {
                    pool.Leave(pool.Members[0].RequestId, pool.Members[0].FamilyId);
                }

                if (!pool.ScheduleEnvelope(category.Mode).Equals(Envelope(category.Mode, pool.Members)) ||
                    pool.LatestJoinedAt != pool.Members.Max(m => m.JoinedAt))
                {
                    return false;
                }
            }

            return true;
        }, iter: 300);
    }

    [TestCase("nanny-share")]
    [TestCase("after-school")]
    [TestCase("home-care-elderly")]
    public void Ranked_OnAnyPools_OffersExactlyThePoolsWhoseMembersTheRulesAccept(string categoryCode)
    {
        // Placement rules most pools out from what each keeps inline (its sketch) before reading its
        // members: it must never rule out a pool the rules accept, as members join and leave.
        var category = CandidateGens.Categories[categoryCode];

        Gen.Select(CandidateGens.For(category).Where(c => c.Length >= 4), Gen.Int[1, 4], Gen.Int[0, 3]).Sample((candidates, perPool, leaveEvery) =>
        {
            var people = candidates.Select((c, i) => Shout(c.ToMember(i), i)).ToArray();
            var newcomer = people[0];
            // Every other pool as stored data may hold it (its members never checked against each other), the others joined one by one.
            var chunks = people.Skip(1).Chunk(perPool).ToList();
            var pools = chunks
                .Select((members, i) => new DemandPool(Guid.NewGuid(), "016024", category.Code, PoolStatus.Forming, 40, category.Quorum, i % 2 == 0 ? members : members.Take(1), Samples.Now, null, 0))
                .ToList();
            foreach (var (pool, members) in pools.Zip(chunks).Where((_, i) => i % 2 == 1))
            {
                // The first check makes the sketch; joins and leaves must drop it.
                _ = Placement.Ranked(category, newcomer, [pool]);
                foreach (var member in members.Skip(1))
                {
                    pool.Join(category, member, Samples.Now);
                    _ = Placement.Ranked(category, newcomer, [pool]);
                }
            }

            foreach (var pool in pools.Where(p => leaveEvery > 0 && p.Members.Count > leaveEvery))
            {
                _ = Placement.Ranked(category, newcomer, [pool]);
                pool.Leave(pool.Members[leaveEvery].RequestId, pool.Members[leaveEvery].FamilyId);
            }

            var offered = Placement.Ranked(category, newcomer, pools).Select(p => p.Id).Order();
            var accepted = pools.Where(p => Compatibility.Check(category, p.Members, newcomer) == Incompatibility.None).Select(p => p.Id).Order();
            return offered.SequenceEqual(accepted);
        }, iter: 400);
    }

    private static Incompatibility Expected(ServiceCategory category, DemandPool pool, PoolMember candidate) =>
        !pool.IsJoinable ? (pool.PlacesLeft <= 0 ? Incompatibility.Full : Incompatibility.NotJoinable)
        : pool.Members.Any(m => m.RequestId == candidate.RequestId) ? Incompatibility.AlreadyMember
        : Compatibility.Check(category, pool.Members, candidate);

    private static WeeklySchedule Envelope(PoolingMode mode, IReadOnlyList<PoolMember> members) =>
        WeeklySchedule.Of(Enumerable.Range(0, 7 * TimeSlot.MinutesPerDay)
            .Where(minute => mode == PoolingMode.Group
                ? members.All(m => Covers(m.Schedule, minute))
                : members.Any(m => Covers(m.Schedule, minute)))
            .Select(minute => new TimeSlot((DayOfWeek)(minute / TimeSlot.MinutesPerDay), minute % TimeSlot.MinutesPerDay, minute % TimeSlot.MinutesPerDay + 1)));

    private static bool Covers(WeeklySchedule schedule, int minute) =>
        schedule.Slots.Any(s => (int)s.Day == minute / TimeSlot.MinutesPerDay && s.StartMinute <= minute % TimeSlot.MinutesPerDay && minute % TimeSlot.MinutesPerDay < s.EndMinute);

    /// <summary>Every third member writes its values in capitals, and joins a minute later than the one before.</summary>
    private static PoolMember Shout(PoolMember member, int index) => member with
    {
        Attributes = index % 3 == 0 ? member.Attributes.ToDictionary(a => a.Key, a => a.Value.ToUpperInvariant()) : member.Attributes,
        JoinedAt = Samples.Now.AddMinutes(index),
    };
}
