using Will.Marketplace.Abstractions.Live;
using Microsoft.Extensions.DependencyInjection;
using Will.Marketplace.Abstractions.Matching;

namespace Will.Marketplace.Grains.Tests;

/// <summary>Every silo's observer hears each change: the pool's group and each family affected.</summary>
public sealed class PushTests
{
    private const string Mornings = "mon 09:00-10:00;thu 09:00-10:00";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Test]
    public async Task Place_WhenARequestStartsAPool_PushesPoolUpdatedAndMatchFound()
    {
        var territory = Territory.Claim("home-care-elderly");
        var request = territory.Request(Mornings);

        var outcome = await territory.Matchmaker.Place(request);

        Assert.That(ClusterFixture.Observers, Has.Count.EqualTo(2), "one observer per silo");
        foreach (var observer in ClusterFixture.Observers)
        {
            var toPool = await observer.WaitFor(m => IsPoolUpdate(m, LiveTarget.Pool(outcome.Pool.Id), outcome.Pool.Id, 1), Patience);
            await observer.WaitFor(m => IsPoolUpdate(m, LiveTarget.User(request.FamilyId), outcome.Pool.Id, 1), Patience);
            var match = await observer.WaitFor(m => IsMatchFound(m, request), Patience);

            Assert.That(((PoolUpdated)toPool.Payload).Status, Is.EqualTo("forming"));
            Assert.That(((MatchFound)match.Payload).StartedNewPool, Is.True);
        }
    }

    [Test]
    public async Task Place_WhenARequestJoinsAPool_TellsThePoolAndEveryFamilyInItOnce()
    {
        var territory = Territory.Claim("home-care-elderly");
        var first = territory.Request(Mornings);
        var second = territory.Request("tue 09:00-10:00", metresNorth: 500);
        await territory.Matchmaker.Place(first);

        var outcome = await territory.Matchmaker.Place(second);

        Assert.That(ClusterFixture.Observers, Has.Count.EqualTo(2), "one observer per silo");
        foreach (var observer in ClusterFixture.Observers)
        {
            var update = await observer.WaitFor(m => IsPoolUpdate(m, LiveTarget.Pool(outcome.Pool.Id), outcome.Pool.Id, 2), Patience);
            var match = await observer.WaitFor(m => IsMatchFound(m, second), Patience);

            Assert.That(update.Targets, Is.EqualTo(new[] { LiveTarget.Pool(outcome.Pool.Id), LiveTarget.User(first.FamilyId), LiveTarget.User(second.FamilyId) }), "the pool's watchers and each family, in the members' order");
            Assert.That(observer.Delivered().Count(m => m.Payload is PoolUpdated { MemberCount: 2 } u && u.PoolId == outcome.Pool.Id), Is.EqualTo(1), "the change is sent once, to all of them");
            Assert.That(((MatchFound)match.Payload).PoolId, Is.EqualTo(outcome.Pool.Id));
            Assert.That(((MatchFound)match.Payload).StartedNewPool, Is.False);
        }
    }

    [Test]
    public async Task Post_FromManyGrainsAtOnce_ReachesEverySiloOnceEachInTheOrderEachPosted()
    {
        // Grains post to their silo's outbox without a grain call; one pump batches what was posted meanwhile.
        var outbox = ClusterFixture.Cluster.Silos.OfType<InProcessSiloHandle>().First().SiloHost.Services.GetRequiredService<Live.PushOutbox>();
        var target = LiveTarget.Staff($"test-{Guid.NewGuid():N}");
        const int posters = 8, each = 50;

        await Task.WhenAll(Enumerable.Range(0, posters).Select(poster => Task.Run(() =>
        {
            for (var i = 0; i < each; i++)
            {
                outbox.Post([new LiveMessage(target, LiveMessage.BudgetUpdatedMethod, new BudgetUpdated($"{poster}", i))]);
            }
        })));

        foreach (var observer in ClusterFixture.Observers)
        {
            for (var poster = 0; poster < posters; poster++)
            {
                var name = $"{poster}";
                await observer.WaitFor(m => m.Targets.Contains(target) && m.Payload is BudgetUpdated { SubsidyCents: each - 1 } last && last.Period == name, Patience);
            }

            var ours = observer.Delivered().Where(m => m.Targets.Contains(target)).Select(m => (BudgetUpdated)m.Payload).ToList();
            Assert.That(ours, Has.Count.EqualTo(posters * each), "each message once");
            foreach (var poster in ours.GroupBy(b => b.Period))
            {
                Assert.That(poster.Select(b => b.SubsidyCents), Is.EqualTo(Enumerable.Range(0, each).Select(i => (long)i)), $"poster {poster.Key} in the order it posted");
            }
        }
    }

    private static bool IsPoolUpdate(LiveMessage message, LiveTarget target, Guid poolId, int memberCount) =>
        message.Targets.Contains(target) && message.Method == LiveMessage.PoolUpdatedMethod &&
        message.Payload is PoolUpdated update && update.PoolId == poolId && update.MemberCount == memberCount;

    private static bool IsMatchFound(LiveMessage message, PlaceRequestCommand request) =>
        message.Targets.Contains(LiveTarget.User(request.FamilyId)) && message.Method == LiveMessage.MatchFoundMethod &&
        message.Payload is MatchFound match && match.RequestId == request.RequestId;
}
