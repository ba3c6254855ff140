using Will.Marketplace.Abstractions.Live;
using Will.Marketplace.Abstractions.Matching;
using Will.Marketplace.Domain.Pools;

namespace Will.Marketplace.Grains.Tests;

/// <summary>Nanny share: quorum 2, a 48-hour bidding window.</summary>
public sealed class QuorumTests
{
    private const string Weekdays = "mon 08:00-13:00;tue 08:00-13:00;wed 08:00-13:00;thu 08:00-13:00;fri 08:00-13:00";

    /// <summary>Two families 200 m apart, placed one after the other: the second brings the pool to quorum.</summary>
    private static async Task<(Territory Territory, PlaceRequestCommand First, PlaceRequestCommand Second, PlacementOutcome Outcome)> TwoFamiliesReachQuorum()
    {
        var territory = Territory.Claim("nanny-share");
        var first = territory.Request(Weekdays);
        var second = territory.Request(Weekdays, metresNorth: 200);
        await territory.Matchmaker.Place(first);
        return (territory, first, second, await territory.Matchmaker.Place(second));
    }

    [Test]
    public async Task Place_WhenTheRequestReachesQuorum_OpensThePoolForBids()
    {
        var territory = Territory.Claim("nanny-share");
        await territory.Matchmaker.Place(territory.Request(Weekdays));
        var before = DateTimeOffset.UtcNow;

        var outcome = await territory.Matchmaker.Place(territory.Request(Weekdays, metresNorth: 200));

        Assert.That(outcome.Pool.Status, Is.EqualTo("open-for-bids"));
        Assert.That(outcome.Pool.MemberCount, Is.EqualTo(2));
        Assert.That(outcome.Pool.BiddingClosesAt, Is.GreaterThanOrEqualTo(before.AddHours(48)).And.LessThanOrEqualTo(DateTimeOffset.UtcNow.AddHours(48)));
    }

    [Test]
    public async Task Place_WhenTheRequestReachesQuorum_TellsEveryFamilyThePoolCanGoAheadAndUntilWhenProvidersBid()
    {
        var (_, first, second, outcome) = await TwoFamiliesReachQuorum();

        foreach (var family in new[] { first.FamilyId, second.FamilyId })
        {
            var told = await ClusterFixture.Observers[0].WaitFor(m => m.Targets.Contains(LiveTarget.User(family)) && m.Payload is PoolNotice { Kind: PoolNotice.Opened }, TimeSpan.FromSeconds(10));
            Assert.That(told.Payload, Is.EqualTo(new PoolNotice(outcome.Pool.Id, PoolNotice.Opened, "open-for-bids", outcome.Pool.BiddingClosesAt, null)));
        }
    }

    [Test]
    public async Task Withdraw_WhenThePoolFallsBelowQuorum_TellsTheFamilyLeftWhyBiddingStopped()
    {
        var (territory, staying, leaving, opened) = await TwoFamiliesReachQuorum();
        var pool = opened.Pool;

        var left = await territory.Matchmaker.Withdraw(pool.Id, leaving.RequestId, leaving.FamilyId);

        Assert.That(left.Left, Is.True);
        var told = await ClusterFixture.Observers[0].WaitFor(m => m.Targets.Contains(LiveTarget.User(staying.FamilyId)) && m.Payload is PoolNotice { Kind: PoolNotice.BelowQuorum }, TimeSpan.FromSeconds(10));
        Assert.That(told.Payload, Is.EqualTo(new PoolNotice(pool.Id, PoolNotice.BelowQuorum, "forming", null, null)));
        Assert.That(ClusterFixture.Observers[0].Delivered().Any(m => m.Targets.Contains(LiveTarget.User(leaving.FamilyId)) && m.Payload is PoolNotice { Kind: PoolNotice.BelowQuorum }), Is.False, "the family that left is not told it");
    }

    [Test]
    public async Task Place_WhenTheGrainAnswers_HasAlreadySavedThePoolInTheDatabase()
    {
        var (_, first, second, outcome) = await TwoFamiliesReachQuorum();
        var saved = await ClusterFixture.Store.FindAsync(outcome.Pool.Id);

        Assert.That(saved, Is.Not.Null);
        Assert.That(saved!.Status, Is.EqualTo(PoolStatus.OpenForBids));
        Assert.That(saved.Members.Select(m => m.RequestId), Is.EqualTo(new[] { first.RequestId, second.RequestId }));
        Assert.That(saved.Version, Is.EqualTo(outcome.Pool.Version));
        // SQLite keeps instants to 100 µs (DateTimeOffsetToBinaryConverter), the grain to 100 ns.
        Assert.That(saved.BiddingClosesAt, Is.EqualTo(outcome.Pool.BiddingClosesAt).Within(TimeSpan.FromMilliseconds(1)));
    }
}
