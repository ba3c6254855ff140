using Will.Marketplace.Domain.Pools;

namespace Will.Marketplace.Grains.Tests;

/// <summary>The pool grain itself keeps the limit, even when callers skip the matchmaker.</summary>
public sealed class PoolCapacityTests
{
    private const string Weekdays = "mon 08:00-16:00;tue 08:00-16:00;wed 08:00-16:00";

    [Test]
    public async Task Join_WhenManyRequestsReachOnePoolAtOnce_AcceptsOnlyAsManyAsItHasPlaces()
    {
        var territory = Territory.Claim("nanny-share");
        var started = await territory.Matchmaker.Place(territory.Request(Weekdays));
        var pool = Territory.Pool(started.Pool.Id);

        var answers = await Task.WhenAll(Enumerable.Range(1, 200).Select(i => pool.Join(territory.Request(Weekdays, metresNorth: i))));
        var saved = await ClusterFixture.Store.FindAsync(started.Pool.Id);

        Assert.That(answers.Count(a => a.Joined), Is.EqualTo(2));
        Assert.That(answers.Where(a => !a.Joined).Select(a => a.RefusedBecause), Has.All.EqualTo("Full"));
        Assert.That(saved!.Members, Has.Count.EqualTo(3));
        Assert.That(saved.Status, Is.EqualTo(PoolStatus.OpenForBids));
    }
}
