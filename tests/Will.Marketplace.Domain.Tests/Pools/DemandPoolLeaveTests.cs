using Will.Marketplace.Domain.Pools;
using static Will.Marketplace.Domain.Tests.Samples;

namespace Will.Marketplace.Domain.Tests.Pools;

/// <summary>Nanny share pools: quorum 2, capacity 3.</summary>
public sealed class DemandPoolLeaveTests
{
    private const string Weekdays8To12 = "mon 08:00-12:00;tue 08:00-12:00;wed 08:00-12:00;thu 08:00-12:00;fri 08:00-12:00";

    [Test]
    public void Leave_WhenAnOpenPoolDropsBelowQuorum_GoesBackToFormingWithoutDeadline()
    {
        var pool = Pool(NannyShare, Member(Weekdays8To12), Member(Weekdays8To12));
        var leaving = pool.Members[1];

        var outcome = pool.Leave(leaving.RequestId, leaving.FamilyId);

        Assert.That(outcome, Is.EqualTo(LeaveOutcome.Left));
        Assert.That(pool.Status, Is.EqualTo(PoolStatus.Forming));
        Assert.That(pool.BiddingClosesAt, Is.Null);
        Assert.That(pool.Members.Select(m => m.RequestId), Does.Not.Contain(leaving.RequestId));
        Assert.That(pool.IsJoinable, Is.True);
    }

    [Test]
    public void Leave_WhenTheLastMemberLeaves_CancelsThePool()
    {
        var pool = Pool(NannyShare, Member(Weekdays8To12));
        var only = pool.Members[0];

        var outcome = pool.Leave(only.RequestId, only.FamilyId);

        Assert.That(outcome, Is.EqualTo(LeaveOutcome.Left));
        Assert.That(pool.Status, Is.EqualTo(PoolStatus.Cancelled));
        Assert.That(pool.IsJoinable, Is.False);
    }

    [Test]
    public void Leave_WhenAnotherFamilyAsks_IsNotAMemberAndChangesNothing()
    {
        var pool = Pool(NannyShare, Member(Weekdays8To12), Member(Weekdays8To12));
        var member = pool.Members[0];

        var outcome = pool.Leave(member.RequestId, Guid.NewGuid());

        Assert.That(outcome, Is.EqualTo(LeaveOutcome.NotAMember));
        Assert.That(pool.Members, Has.Count.EqualTo(2));
        Assert.That(pool.Status, Is.EqualTo(PoolStatus.OpenForBids));
    }

    [Test]
    public void Leave_AfterTheAward_IsTooLate()
    {
        var member = Member(Weekdays8To12);
        var pool = new DemandPool(Guid.NewGuid(), "016024", NannyShare.Code, PoolStatus.Awarded, 3, 2, [member, Member(Weekdays8To12)], Now, null, 3);

        var outcome = pool.Leave(member.RequestId, member.FamilyId);

        Assert.That(outcome, Is.EqualTo(LeaveOutcome.TooLate));
        Assert.That(pool.Members, Has.Count.EqualTo(2));
    }
}

public sealed class DemandPoolQuorumTimeTests
{
    private const string Weekdays8To12 = "mon 08:00-12:00;tue 08:00-12:00;wed 08:00-12:00;thu 08:00-12:00;fri 08:00-12:00";

    [Test]
    public void Join_WhenQuorumIsReached_RecordsWhen_AndLeavingBelowQuorumForgetsIt()
    {
        var pool = DemandPool.Start(Guid.NewGuid(), "016024", Samples.NannyShare, Samples.Member(Weekdays8To12), Samples.Now);
        var later = Samples.Now.AddHours(30);

        pool.Join(Samples.NannyShare, Samples.Member(Weekdays8To12), later);
        var reached = pool.QuorumReachedAt;
        var leaving = pool.Members[1];
        pool.Leave(leaving.RequestId, leaving.FamilyId);

        Assert.That(reached, Is.EqualTo(later));
        Assert.That(pool.QuorumReachedAt, Is.Null);
    }
}
