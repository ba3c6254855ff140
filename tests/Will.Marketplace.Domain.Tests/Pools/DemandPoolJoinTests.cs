using Will.Marketplace.Domain.Matching;
using Will.Marketplace.Domain.Pools;
using static Will.Marketplace.Domain.Tests.Samples;

namespace Will.Marketplace.Domain.Tests.Pools;

/// <summary>Nanny share pools: quorum 2, capacity 3, a 48-hour bidding window.</summary>
public sealed class DemandPoolJoinTests
{
    private const string Weekdays8To12 = "mon 08:00-12:00;tue 08:00-12:00;wed 08:00-12:00;thu 08:00-12:00;fri 08:00-12:00";

    [Test]
    public void Start_WhenTheFirstMemberJoins_IsFormingWithoutADeadline()
    {
        var pool = DemandPool.Start(Guid.NewGuid(), "016024", NannyShare, Member(Weekdays8To12), Now);

        Assert.That(pool.Status, Is.EqualTo(PoolStatus.Forming));
        Assert.That(pool.Members, Has.Count.EqualTo(1));
        Assert.That(pool.BiddingClosesAt, Is.Null);
    }

    [Test]
    public void Join_ASecondRequestOfTheSameFamily_IsRefused_SoOneFamilyNeverMakesAQuorum()
    {
        var first = Member(Weekdays8To12);
        var pool = DemandPool.Start(Guid.NewGuid(), "016024", NannyShare, first, Now);
        var again = Member(Weekdays8To12, 100) with { FamilyId = first.FamilyId };

        Assert.Multiple(() =>
        {
            Assert.That(pool.Join(NannyShare, again, Now), Is.EqualTo(Incompatibility.SameFamily));
            Assert.That(Compatibility.Check(NannyShare, pool.Members, again), Is.EqualTo(Incompatibility.SameFamily));
            Assert.That(pool.Status, Is.EqualTo(PoolStatus.Forming));
            Assert.That(Placement.Decide(NannyShare, again, [pool], Guid.NewGuid()).Pool, Is.Null, "it waits in a pool of its own");
            Assert.That(pool.Join(NannyShare, Member(Weekdays8To12, 100), Now), Is.EqualTo(Incompatibility.None), "another family at the same place joins");
        });
    }

    [Test]
    public void Join_WhenTheMemberReachesQuorum_OpensBiddingUntilNowPlusTheWindow()
    {
        var pool = DemandPool.Start(Guid.NewGuid(), "016024", NannyShare, Member(Weekdays8To12), Now);
        var later = Now.AddHours(5);

        var verdict = pool.Join(NannyShare, Member(Weekdays8To12, 300), later);

        Assert.That(verdict, Is.EqualTo(Incompatibility.None));
        Assert.That(pool.Status, Is.EqualTo(PoolStatus.OpenForBids));
        Assert.That(pool.BiddingClosesAt, Is.EqualTo(later + TimeSpan.FromHours(48)));
    }

    [Test]
    public void Join_WhenAMemberJoinsAfterQuorum_KeepsTheFirstDeadline()
    {
        var pool = Pool(NannyShare, Member(Weekdays8To12), Member(Weekdays8To12));
        var deadline = pool.BiddingClosesAt;

        var verdict = pool.Join(NannyShare, Member(Weekdays8To12), Now.AddDays(1));

        Assert.That(verdict, Is.EqualTo(Incompatibility.None));
        Assert.That(pool.BiddingClosesAt, Is.EqualTo(deadline));
    }

    [Test]
    public void Join_WhenThePoolIsAtCapacity_IsFullAndAddsNobody()
    {
        var pool = Pool(NannyShare, Member(Weekdays8To12), Member(Weekdays8To12), Member(Weekdays8To12));

        var verdict = pool.Join(NannyShare, Member(Weekdays8To12), Now);

        Assert.That(verdict, Is.EqualTo(Incompatibility.Full));
        Assert.That(pool.Members, Has.Count.EqualTo(NannyShare.Capacity));
        Assert.That(pool.IsJoinable, Is.False);
    }

    [Test]
    public void Join_WhenTheRequestIsAlreadyAMember_IsAlreadyMember()
    {
        var first = Member(Weekdays8To12);
        var pool = DemandPool.Start(Guid.NewGuid(), "016024", NannyShare, first, Now);

        var verdict = pool.Join(NannyShare, first with { JoinedAt = Now.AddHours(1) }, Now.AddHours(1));

        Assert.That(verdict, Is.EqualTo(Incompatibility.AlreadyMember));
        Assert.That(pool.Members, Has.Count.EqualTo(1));
    }

    [Test]
    public void Join_WhenTheCategoryIsAnother_IsOtherCategory()
    {
        var pool = DemandPool.Start(Guid.NewGuid(), "016024", NannyShare, Member(Weekdays8To12), Now);

        var verdict = pool.Join(AfterSchool, Member(Weekdays8To12), Now);

        Assert.That(verdict, Is.EqualTo(Incompatibility.OtherCategory));
        Assert.That(pool.Members, Has.Count.EqualTo(1));
    }

    [TestCase(PoolStatus.Awarded)]
    [TestCase(PoolStatus.Active)]
    [TestCase(PoolStatus.Cancelled)]
    public void Join_WhenThePoolIsPastBidding_IsNotJoinable(PoolStatus status)
    {
        var pool = new DemandPool(Guid.NewGuid(), "016024", "nanny-share", status, 3, 2, [Member(Weekdays8To12), Member(Weekdays8To12)], Now, Now.AddHours(48), 2);

        var verdict = pool.Join(NannyShare, Member(Weekdays8To12), Now);

        Assert.That(verdict, Is.EqualTo(Incompatibility.NotJoinable));
        Assert.That(pool.Members, Has.Count.EqualTo(2));
        Assert.That(pool.Status, Is.EqualTo(status));
    }

    [Test]
    public void Join_WhenTheCandidateIsIncompatible_LeavesThePoolUnchanged()
    {
        var pool = DemandPool.Start(Guid.NewGuid(), "016024", NannyShare, Member(Weekdays8To12), Now);

        var verdict = pool.Join(NannyShare, Member(Weekdays8To12, metresNorth: 5_000), Now);

        Assert.That(verdict, Is.EqualTo(Incompatibility.TooFar));
        Assert.That(pool.Members, Has.Count.EqualTo(1));
        Assert.That(pool.Status, Is.EqualTo(PoolStatus.Forming));
    }
}
