namespace Will.Marketplace.Grains.Tests;

/// <summary>Nanny share holds at most 3 families, however many ask at once.</summary>
public sealed class CapacityTests
{
    private const int Families = 300;
    private const int Capacity = 3;

    [Test]
    public async Task Place_WhenManyCompatibleRequestsArriveAtOnce_FillsPoolsWithoutExceedingCapacity()
    {
        var territory = Territory.Claim("nanny-share");
        var attributes = new Dictionary<string, string> { ["ageBand"] = "0-3", ["language"] = "it" };
        var requests = Enumerable.Range(0, Families)
            .Select(i => territory.Request("mon 08:00-17:00;tue 08:00-17:00;thu 08:00-17:00", metresNorth: i, attributes))
            .ToList();

        var outcomes = await Task.WhenAll(requests.Select(r => territory.Matchmaker.Place(r)));
        var pools = await Task.WhenAll(outcomes.Select(o => o.Pool.Id).Distinct().Select(id => ClusterFixture.Store.FindAsync(id)));

        var placed = pools.SelectMany(p => p!.Members).Select(m => m.RequestId).ToList();
        Assert.That(outcomes.Select(o => o.Pool.MemberCount), Has.All.InRange(1, Capacity));
        Assert.That(pools.Select(p => p!.Members.Count), Has.All.InRange(1, Capacity));
        Assert.That(placed, Is.EquivalentTo(requests.Select(r => r.RequestId)));
        Assert.That(placed, Has.Count.EqualTo(Families));
        Assert.That(pools, Has.Length.EqualTo((Families + Capacity - 1) / Capacity), "compatible families fill pools rather than start new ones");
    }
}
