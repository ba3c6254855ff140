using Will.Marketplace.Domain.Catalog;
using Will.Marketplace.Domain.Pools;
using static Will.Marketplace.Domain.Tests.Samples;

namespace Will.Marketplace.Domain.Tests.Pools;

public sealed class DemandPoolTests
{
    [TestCase(3, 4)]
    [TestCase(0, 0)]
    [TestCase(3, 0)]
    public void Constructor_WhenQuorumIsNotBetweenOneAndCapacity_Throws(int capacity, int quorum)
    {
        Assert.That(
            () => new DemandPool(Guid.NewGuid(), "016024", "nanny-share", PoolStatus.Forming, capacity, quorum, [], Now, null, 0),
            Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void Start_WhenAGroupPoolsFirstMemberHasNoSchedule_Throws()
    {
        var empty = Member("");

        Assert.That(() => DemandPool.Start(Guid.NewGuid(), "016024", NannyShare, empty, Now), Throws.InvalidOperationException);
    }

    [Test]
    public void MarkSaved_WhenCalled_AdvancesTheVersion()
    {
        var pool = DemandPool.Start(Guid.NewGuid(), "016024", HomeCare, Member("mon 09:00-11:00"), Now);

        pool.MarkSaved();
        pool.MarkSaved();

        Assert.That(pool.Version, Is.EqualTo(2));
    }

    [Test]
    public void SavedStatus_WhenAJoinReachesQuorum_StaysAsSavedUntilTheChangeIsSaved()
    {
        var pool = Pool(HomeCare, Member("mon 09:00-11:00"), Member("tue 09:00-11:00"));

        pool.Join(HomeCare, Member("wed 09:00-11:00"), Now);
        var beforeSave = pool.SavedStatus;
        pool.MarkSaved();

        Assert.That(pool.Status, Is.EqualTo(PoolStatus.OpenForBids));
        Assert.That(beforeSave, Is.EqualTo(PoolStatus.Forming));
        Assert.That(pool.SavedStatus, Is.EqualTo(PoolStatus.OpenForBids));
    }

    [Test]
    public void ScheduleEnvelope_WhenModeIsGroup_IsWhatAllMembersShare()
    {
        var pool = Pool(AfterSchool, Member("mon 14:00-18:00;tue 14:00-18:00"), Member("mon 15:00-19:00;tue 14:00-16:00"));

        var envelope = pool.ScheduleEnvelope(PoolingMode.Group);

        Assert.That(envelope.ToString(), Is.EqualTo("mon 15:00-18:00;tue 14:00-16:00"));
    }

    [Test]
    public void ScheduleEnvelope_WhenModeIsSharedWorker_IsTheUnionOfTheMembersSlots()
    {
        var pool = Pool(HomeCare, Member("mon 09:00-11:00"), Member("tue 09:00-11:00"));

        var envelope = pool.ScheduleEnvelope(PoolingMode.SharedWorker);

        Assert.That(envelope.ToString(), Is.EqualTo("mon 09:00-11:00;tue 09:00-11:00"));
    }

    [Test]
    public void ScheduleEnvelope_AfterMembersJoinAndLeave_FollowsTheMembersOfTheMoment()
    {
        var first = Member("mon 14:00-18:00;tue 14:00-18:00");
        var second = Member("mon 15:00-19:00;tue 14:00-16:00");
        var pool = Pool(AfterSchool, first);
        Assert.That(pool.ScheduleEnvelope(PoolingMode.Group).ToString(), Is.EqualTo("mon 14:00-18:00;tue 14:00-18:00"));

        Assert.That(pool.Join(AfterSchool, second, Now), Is.EqualTo(Incompatibility.None));
        Assert.That(pool.ScheduleEnvelope(PoolingMode.Group).ToString(), Is.EqualTo("mon 15:00-18:00;tue 14:00-16:00"));
        Assert.That(pool.ScheduleEnvelope(PoolingMode.SharedWorker).ToString(), Is.EqualTo("mon 14:00-19:00;tue 14:00-18:00"));

        Assert.That(pool.Leave(second.RequestId, second.FamilyId), Is.EqualTo(LeaveOutcome.Left));
        Assert.That(pool.ScheduleEnvelope(PoolingMode.Group).ToString(), Is.EqualTo("mon 14:00-18:00;tue 14:00-18:00"));
    }
}
