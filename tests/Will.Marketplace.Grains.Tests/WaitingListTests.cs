using Will.Marketplace.Abstractions.Live;
using Will.Marketplace.Domain.Pools;

namespace Will.Marketplace.Grains.Tests;

/// <summary>
/// Home care for the elderly (shared worker): homes within 3 km of each other, quorum 3. Families
/// waiting in pools below quorum are moved when that lets a pool go ahead, and are told why.
/// </summary>
public sealed class WaitingListTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Test]
    public async Task Place_WhenWaitingFamiliesCanCompleteTheNewcomersPool_MovesOneInSoThreeArePooled()
    {
        // A and B (2.5 km apart) wait together; C, 5 km from A, starts its own pool; D joins C and,
        // with B moved over, makes three: B, C and D can share a worker, A cannot reach C or D.
        var territory = Territory.Claim("home-care-elderly");
        var a = territory.Request("mon 09:00-11:00");
        var b = territory.Request("tue 09:00-11:00", metresNorth: 2_500);
        var c = territory.Request("wed 09:00-11:00", metresNorth: 5_000);
        var d = territory.Request("thu 09:00-11:00", metresNorth: 5_200);
        var first = await territory.Matchmaker.Place(a);
        await territory.Matchmaker.Place(b);
        var second = await territory.Matchmaker.Place(c);

        var last = await territory.Matchmaker.Place(d);
        var left = await ClusterFixture.Store.FindAsync(first.Pool.Id);
        var formed = await ClusterFixture.Store.FindAsync(second.Pool.Id);
        var told = await ClusterFixture.Observers[0].WaitFor(m => m.Targets.Contains(LiveTarget.User(b.FamilyId)) && m.Payload is PoolNotice { Kind: PoolNotice.Regrouped }, Patience);

        Assert.That(second.Pool.Id, Is.Not.EqualTo(first.Pool.Id));
        Assert.That(last.Pool.Id, Is.EqualTo(second.Pool.Id));
        Assert.That(last.Pool.Status, Is.EqualTo("open-for-bids"), "the answer already shows the completed pool");
        Assert.That(left!.Members.Select(m => m.RequestId), Is.EqualTo(new[] { a.RequestId }));
        Assert.That(left.Status, Is.EqualTo(PoolStatus.Forming));
        Assert.That(formed!.Members.Select(m => m.RequestId), Is.EquivalentTo(new[] { b.RequestId, c.RequestId, d.RequestId }));
        Assert.That(formed.Status, Is.EqualTo(PoolStatus.OpenForBids));
        Assert.That(formed.BiddingClosesAt, Is.Not.Null);
        Assert.That(((PoolNotice)told.Payload).PoolId, Is.EqualTo(second.Pool.Id));
        Assert.That(((PoolNotice)told.Payload).MovedFrom, Is.EqualTo(first.Pool.Id));

        // The others hear why their pool changed: C and D that theirs goes ahead, A that B left for a pool that does.
        foreach (var family in new[] { c.FamilyId, d.FamilyId })
        {
            await ClusterFixture.Observers[0].WaitFor(m => m.Targets.Contains(LiveTarget.User(family)) && m.Payload is PoolNotice { Kind: PoolNotice.Opened } n && n.PoolId == second.Pool.Id, Patience);
        }

        var stayed = await ClusterFixture.Observers[0].WaitFor(m => m.Targets.Contains(LiveTarget.User(a.FamilyId)) && m.Payload is PoolNotice { Kind: PoolNotice.PartnerMoved }, Patience);
        Assert.That(stayed.Payload, Is.EqualTo(new PoolNotice(first.Pool.Id, PoolNotice.PartnerMoved, "forming", null, null)));
        Assert.That(ClusterFixture.Observers[0].Delivered().Where(m => m.Targets.Contains(LiveTarget.User(b.FamilyId))).Select(m => m.Payload).OfType<PoolNotice>().Select(n => n.Kind), Is.EqualTo(new[] { PoolNotice.Regrouped }), "the family moved is told once");
    }

    [Test]
    public async Task Reoptimise_WhenCompatibleFamiliesWaitInSeparatePools_RegroupsThemIntoOneThatGoesAhead()
    {
        // Pools started straight on their grains, as if the matchmaker had never seen them together.
        var territory = Territory.Claim("home-care-elderly");
        var requests = new[] { territory.Request("mon 09:00-11:00"), territory.Request("tue 09:00-11:00", metresNorth: 400), territory.Request("wed 09:00-11:00", metresNorth: 800) };
        var pools = new List<Guid>();
        foreach (var request in requests)
        {
            var id = Guid.CreateVersion7();
            Assert.That((await Territory.Pool(id).Start(request)).Joined, Is.True);
            pools.Add(id);
        }

        var report = await territory.Matchmaker.Reoptimise();
        var stored = await Task.WhenAll(pools.Select(id => ClusterFixture.Store.FindAsync(id)));
        var goingAhead = stored.Single(p => p!.Status == PoolStatus.OpenForBids)!;

        Assert.That(report, Is.EqualTo(new Abstractions.Matching.RegroupingReport(3, 2, 1, 3, 3)));
        Assert.That(goingAhead.Members.Select(m => m.RequestId), Is.EquivalentTo(requests.Select(r => r.RequestId)));
        Assert.That(stored.Count(p => p!.Status == PoolStatus.Cancelled), Is.EqualTo(2), "the pools left empty are cancelled");
        foreach (var moved in requests.Where(r => goingAhead.Id != pools[Array.IndexOf(requests, r)]))
        {
            await ClusterFixture.Observers[0].WaitFor(m => m.Targets.Contains(LiveTarget.User(moved.FamilyId)) && m.Payload is PoolNotice { Kind: PoolNotice.Regrouped } n && n.PoolId == goingAhead.Id, Patience);
        }
    }

    [Test]
    public async Task Reoptimise_WhenNoRegroupingPoolsMoreFamilies_MovesNobody()
    {
        var territory = Territory.Claim("home-care-elderly");
        await territory.Matchmaker.Place(territory.Request("mon 09:00-11:00"));
        await territory.Matchmaker.Place(territory.Request("tue 09:00-11:00", metresNorth: 9_000));

        var report = await territory.Matchmaker.Reoptimise();

        Assert.That(report.Moved, Is.Zero);
        Assert.That(report.FamiliesPooled, Is.Zero);
    }

    [Test]
    public async Task Withdraw_FromAPoolThatReachedQuorum_MovesInTheCompatibleFamilyWaitingLongest()
    {
        // A, B, C make a pool; E wants C's hours, so it waits in a pool of its own until C leaves.
        var territory = Territory.Claim("home-care-elderly");
        var a = territory.Request("mon 09:00-11:00");
        var b = territory.Request("tue 09:00-11:00", metresNorth: 300);
        var c = territory.Request("wed 09:00-11:00", metresNorth: 600);
        var e = territory.Request("wed 09:30-11:30", metresNorth: 900);
        var pool = (await territory.Matchmaker.Place(a)).Pool;
        await territory.Matchmaker.Place(b);
        await territory.Matchmaker.Place(c);
        var waiting = await territory.Matchmaker.Place(e);

        var left = await territory.Matchmaker.Withdraw(pool.Id, c.RequestId, c.FamilyId);
        var refilled = await ClusterFixture.Store.FindAsync(pool.Id);
        var emptied = await ClusterFixture.Store.FindAsync(waiting.Pool.Id);

        Assert.That(waiting.Pool.Id, Is.Not.EqualTo(pool.Id));
        Assert.That(left.Left, Is.True);
        Assert.That(refilled!.Members.Select(m => m.RequestId), Is.EquivalentTo(new[] { a.RequestId, b.RequestId, e.RequestId }));
        Assert.That(refilled.Status, Is.EqualTo(PoolStatus.OpenForBids));
        Assert.That(emptied!.Status, Is.EqualTo(PoolStatus.Cancelled));
        await ClusterFixture.Observers[0].WaitFor(m => m.Targets.Contains(LiveTarget.User(e.FamilyId)) && m.Payload is PoolNotice { Kind: PoolNotice.Refilled } n && n.PoolId == pool.Id, Patience);
        foreach (var family in new[] { a.FamilyId, b.FamilyId })
        {
            await ClusterFixture.Observers[0].WaitFor(m => m.Targets.Contains(LiveTarget.User(family)) && m.Payload is PoolNotice { Kind: PoolNotice.Opened } n && n.PoolId == pool.Id, Patience);
        }
    }
}
