using Will.Marketplace.Domain.Pools;
using static Will.Marketplace.Domain.Tests.Samples;

namespace Will.Marketplace.Domain.Tests.Pools;

/// <summary>Nanny share: quorum 2, a 48-hour window; the pool reached quorum at <see cref="Samples.Now"/>.</summary>
public sealed class BiddingDeadlineTests
{
    private const string Weekdays = "mon 08:00-12:00;tue 08:00-12:00;wed 08:00-12:00;thu 08:00-12:00;fri 08:00-12:00";
    private static readonly DateTimeOffset Deadline = Now.AddHours(48);

    private static DemandPool OpenPool() => Pool(NannyShare, Member(Weekdays), Member(Weekdays));

    [Test]
    public void CloseBidding_BeforeTheDeadline_ChangesNothing()
    {
        var pool = OpenPool();

        var outcome = pool.CloseBidding(NannyShare, Deadline.AddSeconds(-1), hasValidBid: false);

        Assert.That(outcome, Is.EqualTo(BiddingDeadlineOutcome.NotDue));
        Assert.That(pool.BiddingClosesAt, Is.EqualTo(Deadline));
        Assert.That(pool.BiddingExtended, Is.False);
    }

    [Test]
    public void CloseBidding_WithAValidBid_SaysTheAwardIsDueAndKeepsTheWindow()
    {
        var pool = OpenPool();

        var outcome = pool.CloseBidding(NannyShare, Deadline, hasValidBid: true);

        Assert.That(outcome, Is.EqualTo(BiddingDeadlineOutcome.AwardDue));
        Assert.That(pool.Status, Is.EqualTo(PoolStatus.OpenForBids));
    }

    [Test]
    public void CloseBidding_WithoutBids_ExtendsTheWindowOnceByTheCategoryWindow()
    {
        var pool = OpenPool();
        var late = Deadline.AddMinutes(3);

        var outcome = pool.CloseBidding(NannyShare, late, hasValidBid: false);

        Assert.That(outcome, Is.EqualTo(BiddingDeadlineOutcome.Extended));
        Assert.That(pool.BiddingExtended, Is.True);
        Assert.That(pool.BiddingClosesAt, Is.EqualTo(late + NannyShare.BiddingWindow));
        Assert.That(pool.Status, Is.EqualTo(PoolStatus.OpenForBids));
    }

    [Test]
    public void CloseBidding_WithoutBidsAfterTheExtension_ClosesTheWindowAndKeepsThePoolOpen()
    {
        var pool = OpenPool();
        pool.CloseBidding(NannyShare, Deadline, hasValidBid: false);

        var outcome = pool.CloseBidding(NannyShare, pool.BiddingClosesAt!.Value, hasValidBid: false);

        Assert.That(outcome, Is.EqualTo(BiddingDeadlineOutcome.NoBids));
        Assert.That(pool.BiddingClosesAt, Is.Null);
        Assert.That(pool.Status, Is.EqualTo(PoolStatus.OpenForBids));
        Assert.That(pool.CloseBidding(NannyShare, Deadline.AddDays(30), hasValidBid: false), Is.EqualTo(BiddingDeadlineOutcome.NotDue));
    }

    [Test]
    public void Leave_WhenAnExtendedPoolDropsBelowQuorum_ForgetsTheExtension()
    {
        var pool = OpenPool();
        pool.CloseBidding(NannyShare, Deadline, hasValidBid: false);
        var leaving = pool.Members[1];

        pool.Leave(leaving.RequestId, leaving.FamilyId);

        Assert.That(pool.BiddingExtended, Is.False);
        Assert.That(pool.CloseBidding(NannyShare, Deadline.AddDays(30), hasValidBid: false), Is.EqualTo(BiddingDeadlineOutcome.NotDue));
    }
}
