using Will.Marketplace.Domain.Bidding;
using Will.Marketplace.Domain.Common;
using Will.Marketplace.Domain.Matching;
using Will.Marketplace.Domain.Pools;

namespace Will.Marketplace.Domain.Tests.Pools;

/// <summary>
/// One order starts for every family of a pool, so families that want to start far apart are not
/// pooled: the latest wanted start and the earliest, a date already past counted as today, at most
/// <see cref="Compatibility.StartWindowDays"/> days apart.
/// </summary>
public sealed class StartDateTests
{
    private static readonly DateOnly Today = ItalianCalendar.DayOf(Samples.Now);

    [TestCase(10, 38, Incompatibility.None)]
    [TestCase(10, 39, Incompatibility.StartDatesApart)]
    [TestCase(45, 17, Incompatibility.None)]
    [TestCase(45, 16, Incompatibility.StartDatesApart)]
    public void Check_ComparesTheWantedStartsWithTheWindow(int memberStartsIn, int newcomerStartsIn, Incompatibility expected)
    {
        var pool = Samples.Pool(Samples.AfterSchool, Family(memberStartsIn));

        Assert.That(pool.Check(Samples.AfterSchool, Family(newcomerStartsIn)), Is.EqualTo(expected));
    }

    [Test]
    public void Check_CountsAStartAlreadyPastAsToday()
    {
        // Sixty days ago this family wanted to start at once; it still waits, so it wants to start today.
        var waiting = Family(-60, joinedDaysAgo: 60);
        var pool = Samples.Pool(Samples.AfterSchool, waiting);

        Assert.Multiple(() =>
        {
            Assert.That(pool.Check(Samples.AfterSchool, Family(20)), Is.EqualTo(Incompatibility.None));
            Assert.That(pool.Check(Samples.AfterSchool, Family(29)), Is.EqualTo(Incompatibility.StartDatesApart));
            // As of the day it joined, the same newcomer wanted to start 80 days after it.
            Assert.That(pool.Check(Samples.AfterSchool, Family(20), asOf: Today.AddDays(-60)), Is.EqualTo(Incompatibility.StartDatesApart));
            Assert.That(Compatibility.Check(Samples.AfterSchool, [waiting], Family(20)), Is.EqualTo(Incompatibility.None));
        });
    }

    [TestCase(28, Incompatibility.None)]
    [TestCase(29, Incompatibility.StartDatesApart)]
    public void Check_AsSoonAsPossibleIsToday(int newcomerStartsIn, Incompatibility expected)
    {
        var pool = Samples.Pool(Samples.AfterSchool, Family(null), Family(3));

        Assert.That(pool.Check(Samples.AfterSchool, Family(newcomerStartsIn)), Is.EqualTo(expected));
        Assert.That(Compatibility.Check(Samples.AfterSchool, pool.Members, Family(newcomerStartsIn)), Is.EqualTo(expected));
    }

    [Test]
    public void Check_InSharedWorkerModeToo()
    {
        var first = Samples.Member("mon 09:00-11:00") with { WantedStart = Today.AddDays(60) };
        var pool = Samples.Pool(Samples.HomeCare, first);

        Assert.That(pool.Check(Samples.HomeCare, Samples.Member("tue 09:00-11:00") with { WantedStart = Today }), Is.EqualTo(Incompatibility.StartDatesApart));
        Assert.That(pool.Check(Samples.HomeCare, Samples.Member("tue 09:00-11:00") with { WantedStart = Today.AddDays(40) }), Is.EqualTo(Incompatibility.None));
    }

    [Test]
    public void Placement_StartsANewPoolRatherThanJoinAFamilyWantingToStartMonthsLater()
    {
        var september = Samples.Pool(Samples.NannyShare, Family(240));

        Assert.Multiple(() =>
        {
            Assert.That(Placement.Decide(Samples.NannyShare, Family(7), [september], Guid.NewGuid()).Pool, Is.Null);
            Assert.That(Placement.Decide(Samples.NannyShare, Family(230), [september], Guid.NewGuid()).Pool, Is.SameAs(september));
        });
    }

    [Test]
    public void Run_GroupsWaitingFamiliesOnceTheirStartsHaveComeCloser()
    {
        // Placed the same day, wanting to start 35 days apart: each waits alone. Twenty days on, the
        // earlier date has passed and counts as that day: 15 days apart, one pool.
        var early = Samples.Pool(Samples.NannyShare, Family(5));
        var late = Samples.Pool(Samples.NannyShare, Family(40));
        Assert.That(early.Check(Samples.NannyShare, late.Members[0] with { JoinedAt = Samples.Now }), Is.EqualTo(Incompatibility.StartDatesApart));

        var (plan, change) = Regrouping.Run(Samples.NannyShare, [early, late], new GreedyPacking(), new RegroupingLimits(60, TimeSpan.FromSeconds(1)), Samples.Now.AddDays(20), Guid.NewGuid);

        Assert.Multiple(() =>
        {
            Assert.That(plan.Pooled, Is.EqualTo(2));
            Assert.That(change.Changed.Single(p => p.Status == PoolStatus.OpenForBids).Members, Has.Count.EqualTo(2));
        });
    }

    [Test]
    public void FirstDay_IsAMondayAWeekAwayAndNotBeforeTheLatestWantedStart()
    {
        Assert.That(Today.DayOfWeek, Is.EqualTo(DayOfWeek.Monday));
        Assert.Multiple(() =>
        {
            Assert.That(CollectiveOrder.FirstDay([Family(null), Family(-3)], Today), Is.EqualTo(Today.AddDays(7)));
            Assert.That(CollectiveOrder.FirstDay([Family(null)], Today.AddDays(1)), Is.EqualTo(Today.AddDays(14)));
            Assert.That(CollectiveOrder.FirstDay([Family(2), Family(20)], Today), Is.EqualTo(Today.AddDays(21)));
            Assert.That(CollectiveOrder.FirstDay([Family(21)], Today), Is.EqualTo(Today.AddDays(21)));
        });
    }

    /// <summary>A family near Bergamo's centre for a group service on Monday and Wednesday afternoons.</summary>
    private static PoolMember Family(int? startsInDays, int joinedDaysAgo = 0) =>
        Samples.Member("mon 14:00-18:00;wed 14:00-18:00") with
        {
            WantedStart = startsInDays is { } days ? Today.AddDays(days) : null,
            JoinedAt = Samples.Now.AddDays(-joinedDaysAgo),
        };
}
