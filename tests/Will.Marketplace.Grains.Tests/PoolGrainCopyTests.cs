using Orleans.Core.Internal;

namespace Will.Marketplace.Grains.Tests;

/// <summary>
/// The matchmaker saves joins itself (one grain call per placement); a pool grain that keeps a copy
/// of the pool asks to be told, and a matchmaker whose copy is out of date meets the newer version
/// at the save and tries again.
/// </summary>
public sealed class PoolGrainCopyTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Test]
    public async Task Place_WhenThePoolsGrainKeepsACopy_TellsItOfTheJoinTheMatchmakerSaved()
    {
        var territory = Territory.Claim("home-care-elderly");
        var first = await territory.Matchmaker.Place(territory.Request("mon 09:00-11:00"));
        var pool = Territory.Pool(first.Pool.Id);
        Assert.That((await pool.GetSnapshot())!.MemberCount, Is.EqualTo(1), "the grain reads the pool and keeps it");

        var second = await territory.Matchmaker.Place(territory.Request("tue 09:00-11:00", metresNorth: 300));
        var seen = await Eventually(async () => (await pool.GetSnapshot())!, s => s.MemberCount == 2);

        Assert.That(second.Pool.Id, Is.EqualTo(first.Pool.Id));
        Assert.That(seen.MemberCount, Is.EqualTo(2));
        Assert.That(seen.Version, Is.EqualTo(second.Pool.Version));
    }

    [Test]
    public async Task Place_WhenAFamilyJoinedThroughThePoolsGrain_SavesAgainstTheNewerVersion()
    {
        var territory = Territory.Claim("home-care-elderly");
        var first = await territory.Matchmaker.Place(territory.Request("mon 09:00-11:00"));
        var direct = territory.Request("tue 09:00-11:00", metresNorth: 300);
        Assert.That((await Territory.Pool(first.Pool.Id).Join(direct)).Joined, Is.True, "the matchmaker's copy is now a version behind");

        var late = territory.Request("wed 09:00-11:00", metresNorth: 600);
        var placed = await territory.Matchmaker.Place(late);
        var stored = await ClusterFixture.Store.FindAsync(first.Pool.Id);

        Assert.That(placed.Pool.Id, Is.EqualTo(first.Pool.Id));
        Assert.That(stored!.Members, Has.Count.EqualTo(3));
        Assert.That(stored.Members.Select(m => m.RequestId), Does.Contain(direct.RequestId).And.Contain(late.RequestId));
        Assert.That(placed.Pool.Version, Is.EqualTo(stored.Version));
    }

    [Test]
    public async Task Place_AfterTheMatchmakerWentAway_IsSeenByThePoolsGrainThatKeptACopy()
    {
        // The matchmaker that was told of the copy deactivates: it tells the grain to drop its copy,
        // so the join saved by the next activation is not missed.
        var territory = Territory.Claim("home-care-elderly");
        var first = await territory.Matchmaker.Place(territory.Request("mon 09:00-11:00"));
        var pool = Territory.Pool(first.Pool.Id);
        Assert.That((await pool.GetSnapshot())!.MemberCount, Is.EqualTo(1));
        await territory.Matchmaker.Cast<IGrainManagementExtension>().DeactivateOnIdle();

        var second = await territory.Matchmaker.Place(territory.Request("tue 09:00-11:00", metresNorth: 300));
        var seen = await Eventually(async () => (await pool.GetSnapshot())!, s => s.MemberCount == 2);

        Assert.That(second.Pool.Id, Is.EqualTo(first.Pool.Id));
        Assert.That(seen.MemberCount, Is.EqualTo(2));
    }

    private static async Task<T> Eventually<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow + Patience;
        var value = await read();
        while (!done(value) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
            value = await read();
        }

        return value;
    }
}
