using Will.Marketplace.Domain.Matching;
using static Will.Marketplace.Domain.Tests.Samples;

namespace Will.Marketplace.Domain.Tests.Matching;

/// <summary>After-school groups: quorum 4, capacity 10, 2.5 km, 240 shared minutes, ageBand matched.</summary>
public sealed class PlacementTests
{
    private const string Afternoons = "mon 14:00-18:00;tue 14:00-18:00;wed 14:00-18:00";
    private const string LateAfternoons = "mon 16:00-18:00;tue 16:00-18:00;wed 16:00-18:00";

    [Test]
    public void ChooseBest_WhenPoolsMissDifferentNumbersToQuorum_PrefersTheFewestMissing()
    {
        var wellFittingButLonely = Pool(AfterSchool, Member(Afternoons));
        var almostAtQuorum = Pool(AfterSchool, Member(LateAfternoons, 1_500), Member(LateAfternoons, 1_500), Member(LateAfternoons, 1_500));
        var candidate = Member(Afternoons);

        var best = Placement.ChooseBest(AfterSchool, candidate, [wellFittingButLonely, almostAtQuorum]);

        Assert.That(best, Is.SameAs(almostAtQuorum));
    }

    [Test]
    public void ChooseBest_WhenAPoolAlreadyHasQuorum_PrefersAPoolStillForming()
    {
        var atQuorum = Pool(AfterSchool, Member(Afternoons), Member(Afternoons), Member(Afternoons), Member(Afternoons));
        var forming = Pool(AfterSchool, Member(LateAfternoons, 2_000));
        var candidate = Member(Afternoons);

        var best = Placement.ChooseBest(AfterSchool, candidate, [atQuorum, forming]);

        Assert.That(best, Is.SameAs(forming));
    }

    [Test]
    public void ChooseBest_WhenPoolsMissTheSameNumber_PrefersTheBetterScheduleFit()
    {
        var nearPartialFit = Pool(AfterSchool, Member(LateAfternoons, 100));
        var farFullFit = Pool(AfterSchool, Member(Afternoons, 2_000));
        var candidate = Member(Afternoons);

        var best = Placement.ChooseBest(AfterSchool, candidate, [nearPartialFit, farFullFit]);

        Assert.That(best, Is.SameAs(farFullFit));
    }

    [Test]
    public void ChooseBest_WhenMissingAndFitAreEqual_PrefersTheNearerPool()
    {
        var far = Pool(AfterSchool, Member(Afternoons, 2_000));
        var near = Pool(AfterSchool, Member(Afternoons, 500));
        var candidate = Member(Afternoons);

        var best = Placement.ChooseBest(AfterSchool, candidate, [far, near]);

        Assert.That(best, Is.SameAs(near));
    }

    [Test]
    public void Ranked_WhenOnlySomePoolsTieOnMissingAndFit_OrdersThoseByDistanceAndTheOthersByFit()
    {
        // Distances are measured only for pools that tie; a better fit still goes first however far.
        var farBestFit = Pool(AfterSchool, Member(Afternoons, 2_400));
        var farLate = Pool(AfterSchool, Member(LateAfternoons, 2_000));
        var nearLate = Pool(AfterSchool, Member(LateAfternoons, 300));
        var candidate = Member(Afternoons);

        var ranked = Placement.Ranked(AfterSchool, candidate, [farLate, farBestFit, nearLate]);

        Assert.That(ranked, Is.EqualTo(new[] { farBestFit, nearLate, farLate }));
    }

    [Test]
    public void Ranked_WithMoreCompatiblePoolsThanItsFirstBuffer_OffersEveryOneNearestFirst()
    {
        // Forty pools that tie on missing and fit, listed farthest first: ranking grows its rented buffer and orders them by distance.
        var pools = Enumerable.Range(0, 40).Select(i => Pool(AfterSchool, Member(Afternoons, 2_000 - 40 * i))).ToList();
        var candidate = Member(Afternoons);

        var ranked = Placement.Ranked(AfterSchool, candidate, pools);

        Assert.That(ranked, Is.EqualTo(Enumerable.Reverse(pools)));
    }

    [Test]
    public void ChooseBest_WhenTheBestRankedPoolIsIncompatible_ChoosesACompatibleOne()
    {
        var otherAgeBand = new Dictionary<string, string> { ["ageBand"] = "11-13" };
        var almostAtQuorumButOlder = Pool(AfterSchool, Member(Afternoons, 0, otherAgeBand), Member(Afternoons, 0, otherAgeBand), Member(Afternoons, 0, otherAgeBand));
        var compatible = Pool(AfterSchool, Member(Afternoons, 0, new Dictionary<string, string> { ["ageBand"] = "6-10" }));
        var candidate = Member(Afternoons, 0, new Dictionary<string, string> { ["ageBand"] = "6-10" });

        var best = Placement.ChooseBest(AfterSchool, candidate, [almostAtQuorumButOlder, compatible]);

        Assert.That(best, Is.SameAs(compatible));
    }

    [Test]
    public void ChooseBest_WhenNoPoolIsCompatible_ReturnsNull()
    {
        var tooFar = Pool(AfterSchool, Member(Afternoons, 3_000));
        var noSharedTime = Pool(AfterSchool, Member("thu 14:00-18:00;fri 14:00-18:00"));
        var otherCategory = Pool(NannyShare, Member(Afternoons));
        var candidate = Member(Afternoons);

        var best = Placement.ChooseBest(AfterSchool, candidate, [tooFar, noSharedTime, otherCategory]);

        Assert.That(best, Is.Null);
    }

    [Test]
    public void ChooseBest_WhenThereAreNoPools_ReturnsNull()
    {
        var best = Placement.ChooseBest(AfterSchool, Member(Afternoons), []);

        Assert.That(best, Is.Null);
    }

    [Test]
    public void ChooseBest_WhenSharedWorkerPoolsDiffer_PrefersTheOneWithRoomAroundTheCandidatesSlots()
    {
        var nearButTight = Pool(HomeCare, Member("mon 10:00-11:30", 100));
        var farWithRoom = Pool(HomeCare, Member("tue 10:00-11:30", 2_500));
        var candidate = Member("mon 12:00-13:00");

        var best = Placement.ChooseBest(HomeCare, candidate, [nearButTight, farWithRoom]);

        Assert.That(best, Is.SameAs(farWithRoom));
    }
}
