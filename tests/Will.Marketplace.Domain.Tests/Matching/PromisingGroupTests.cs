using Will.Marketplace.Domain.Matching;
using static Will.Marketplace.Domain.Tests.Samples;

namespace Will.Marketplace.Domain.Tests.Matching;

/// <summary>Home care: quorum 3, capacity 6; an open pool with spare places and one family waiting.</summary>
public sealed class PromisingGroupTests
{
    [Test]
    public void Decide_WhenTheNewcomerAndAWaitingFamilyMakeAPromisingGroup_PairsUpInsteadOfTakingASparePlace()
    {
        // Two of the open pool's families fit the pair; the third visits at the waiting family's time, so it cannot move in.
        var open = Pool(HomeCare, Member("mon 08:00-09:00"), Member("mon 10:00-11:00"), Member("tue 12:00-13:00"));
        var waiting = Pool(HomeCare, Member("tue 12:00-13:00", 200));
        var newcomer = Member("wed 08:00-09:00", 100);

        var decision = Placement.Decide(HomeCare, newcomer, [open, waiting], Guid.NewGuid());

        Assert.That((decision.Pool, decision.Moves, decision.Gain), Is.EqualTo((waiting, (IReadOnlyList<PoolMove>)[], 0)));
    }

    [Test]
    public void Decide_WhenTheWaitingFamilyHasNoOtherFit_TakesTheSparePlace()
    {
        // The open pool's families all visit close to the waiting family's Tuesday, so none of them fits the pair.
        var open = Pool(HomeCare, Member("tue 07:00-07:40"), Member("tue 10:20-11:00"), Member("tue 08:30-09:00"));
        var waiting = Pool(HomeCare, Member("tue 08:00-10:00", 200));
        var newcomer = Member("wed 08:00-09:00", 100);

        var decision = Placement.Decide(HomeCare, newcomer, [open, waiting], Guid.NewGuid());

        Assert.That((decision.Pool, decision.Gain), Is.EqualTo((open, 1)));
    }

    [Test]
    public void For_WhenAPoolAtQuorumHasSparePlaces_LeavesAPromisingGroupWhole()
    {
        var open = Pool(HomeCare, Member("mon 08:00-09:00"), Member("mon 10:00-11:00"), Member("mon 12:00-13:00"));
        var pair = Pool(HomeCare, Member("tue 08:00-09:00", 200), Member("wed 08:00-09:00", 100));
        var alone = Pool(HomeCare, Member("thu 08:00-09:00", 300));

        var moves = Completion.For(HomeCare, open, [open, pair, alone]);

        Assert.That(moves.Select(m => m.From), Is.EqualTo(new[] { alone.Id }));
    }

    [Test]
    public void IsPromising_WhenTheFittingFamiliesAreNotRecent_IsFalse()
    {
        var old = Now - Completion.RecentDemand - TimeSpan.FromDays(1);
        var open = Pool(HomeCare, Member("mon 08:00-09:00"), Member("mon 10:00-11:00"), Member("mon 12:00-13:00") with { JoinedAt = old });
        var pair = new[] { Member("tue 08:00-09:00", 200), Member("wed 08:00-09:00", 100) };

        Assert.That(Completion.IsPromising(HomeCare, pair, [open]), Is.True);
        var stale = Pool(HomeCare, Member("mon 08:00-09:00") with { JoinedAt = old }, Member("mon 10:00-11:00") with { JoinedAt = old }, Member("mon 12:00-13:00"));
        Assert.That(Completion.IsPromising(HomeCare, pair, [stale]), Is.False);
    }

    [Test]
    public void IsPromising_WhenFamiliesShareEnoughMinutesInHoursTheyFillOnlyInPart_IsTrue()
    {
        // After-school needs 240 shared minutes: 15:45-17:15 on three days shares 270 with the pair,
        // though it fills only one whole hour a day (matching rules families out by the hours of their week first).
        const string Pair = "mon 15:00-18:30;tue 15:00-18:30;wed 15:00-18:30";
        const string Short = "mon 15:45-17:15;tue 15:45-17:15;wed 15:45-17:15";
        var pair = new[] { Member(Pair), Member(Pair, 100) };
        var recent = Pool(AfterSchool, Member(Short, 200), Member(Short, 300));

        Assert.That(Completion.IsPromising(AfterSchool, pair, [recent]), Is.True);
    }

    [Test]
    public void IsPromising_WhenVisitsShareAnHourButNotItsMinutes_IsTrue()
    {
        // Home care keeps 30 minutes between visits: 08:00-08:15 and 08:50-09:30 touch the same hour and still fit one worker.
        var pair = new[] { Member("tue 08:00-08:15"), Member("wed 08:00-08:15", 100) };
        var recent = Pool(HomeCare, Member("tue 08:50-09:30", 200), Member("wed 08:50-09:30", 300));

        Assert.That(Completion.IsPromising(HomeCare, pair, [recent]), Is.True);
    }
}
