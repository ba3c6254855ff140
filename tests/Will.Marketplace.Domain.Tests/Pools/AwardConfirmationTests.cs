using Will.Marketplace.Domain.Bidding;
using Will.Marketplace.Domain.Common;
using Will.Marketplace.Domain.Pools;
using static Will.Marketplace.Domain.Tests.Samples;

namespace Will.Marketplace.Domain.Tests.Pools;

/// <summary>Nanny share (quorum 2, capacity 3): 20 shared hours a week.</summary>
public sealed class AwardConfirmationTests
{
    private const string Weekdays = "mon 08:00-12:00;tue 08:00-12:00;wed 08:00-12:00;thu 08:00-12:00;fri 08:00-12:00";

    private static DemandPool Awarded(int members)
    {
        var pool = Pool(NannyShare, [.. Enumerable.Range(0, members).Select(i => Member(Weekdays, metresNorth: i * 100))]);
        pool.Award();
        return pool;
    }

    [Test]
    public void Confirm_WhenEveryMemberHasConfirmed_StartsTheOrder()
    {
        var pool = Awarded(2);

        var first = pool.Confirm(pool.Members[0].RequestId, pool.Members[0].FamilyId, Now);
        var again = pool.Confirm(pool.Members[0].RequestId, pool.Members[0].FamilyId, Now.AddHours(1));
        var last = pool.Confirm(pool.Members[1].RequestId, pool.Members[1].FamilyId, Now);

        Assert.That((first, again, last), Is.EqualTo((AwardResponse.Confirmed, AwardResponse.Confirmed, AwardResponse.OrderStarts)));
        Assert.That(pool.Status, Is.EqualTo(PoolStatus.Active));
        Assert.That(pool.Members[0].ConfirmedAt, Is.EqualTo(Now), "a second confirmation keeps the first time");
    }

    [Test]
    public void Decline_WhenTheOthersStillMakeQuorumAndHaveConfirmed_StartsTheOrderWithoutTheFamily()
    {
        var pool = Awarded(3);
        pool.Confirm(pool.Members[0].RequestId, pool.Members[0].FamilyId, Now);
        pool.Confirm(pool.Members[1].RequestId, pool.Members[1].FamilyId, Now);
        var leaving = pool.Members[2];

        var outcome = pool.Decline(leaving.RequestId, leaving.FamilyId);

        Assert.That(outcome, Is.EqualTo(AwardResponse.OrderStarts));
        Assert.That(pool.Members, Has.Count.EqualTo(2));
        Assert.That(pool.Status, Is.EqualTo(PoolStatus.Active));
    }

    [Test]
    public void Decline_WhenThePoolFallsBelowQuorum_LetsTheAwardLapse()
    {
        var pool = Awarded(2);
        var leaving = pool.Members[1];

        var outcome = pool.Decline(leaving.RequestId, leaving.FamilyId);

        Assert.That(outcome, Is.EqualTo(AwardResponse.AwardLapsed));
        Assert.That(pool.Status, Is.EqualTo(PoolStatus.Forming));
        Assert.That(pool.QuorumReachedAt, Is.Null);
        Assert.That(pool.IsJoinable, Is.True);
    }

    [Test]
    public void ConfirmAndDecline_BeforeTheAwardOrByAStranger_ChangeNothing()
    {
        var open = Pool(NannyShare, Member(Weekdays), Member(Weekdays));
        var awarded = Awarded(2);

        Assert.That(open.Confirm(open.Members[0].RequestId, open.Members[0].FamilyId, Now), Is.EqualTo(AwardResponse.NotAwarded));
        Assert.That(awarded.Decline(awarded.Members[0].RequestId, Guid.NewGuid()), Is.EqualTo(AwardResponse.NotAMember));
        Assert.That(awarded.Members, Has.Count.EqualTo(2));
    }

    [TestCase(1_000, 2, 500, true)]
    [TestCase(1_000, 2, 499, false)]
    [TestCase(1_000, 3, 334, true)]
    public void WithinMaximum_InGroupMode_ComparesTheFamilysShareOfTheHour(long hourlyCents, int members, long maxPerHour, bool fits)
    {
        var pool = Awarded(members);
        var member = pool.Members[0] with { MaxPricePerHourCents = maxPerHour };
        var weekly = Money.FromCents(hourlyCents * 20);

        Assert.That(AwardFit.WithinMaximum(NannyShare, pool, member, weekly), Is.EqualTo(fits));
    }

    [Test]
    public void WithinMaximum_WithoutAMaximum_IsNeverAssumed()
    {
        var pool = Awarded(2);

        Assert.That(AwardFit.WithinMaximum(NannyShare, pool, pool.Members[0], Money.FromCents(1)), Is.False);
    }
}
