using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Will.Marketplace.Infrastructure.Persistence;

namespace Will.Marketplace.Web.Tests;

internal sealed record PoolNoticeEvent(Guid PoolId, string Kind, string Status, DateTimeOffset? BiddingClosesAt, Guid? MovedFrom);

/// <summary>
/// Bidding deadlines are held by each matchmaker's one Orleans reminder, in the app's own database.
/// Each test runs its own app on its own SQLite file, with a nanny-share window of a few seconds in its city.
/// </summary>
[NonParallelizable]
public sealed class BiddingDeadlineTests
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(4);

    [Test]
    public async Task Deadline_WithoutBids_ExtendsOnceAlertsStaffThenTellsThePool()
    {
        ShortBiddingWindows.Set("020030", "nanny-share", Window);
        await using var app = new MarketplaceAppFactory();
        await using var family = await app.HubFor(Samples.Family(1, "mantova"));
        await using var staff = await app.HubFor("staff@mantova.demo");
        var familyNotices = Collect(family);
        var staffNotices = Collect(staff);

        var pool = await ReachQuorum(app, "mantova", 45.1564, 10.7914);
        var opened = await familyNotices.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        var extended = await familyNotices.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        var alert = await staffNotices.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        var noBids = await familyNotices.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        var stored = await StoredPool(app, pool.Id);

        Assert.That((opened.PoolId, opened.Kind, opened.BiddingClosesAt is not null), Is.EqualTo((pool.Id, "opened", true)), "first the pool can go ahead");
        Assert.That(extended.PoolId, Is.EqualTo(pool.Id));
        Assert.That(extended.Kind, Is.EqualTo("bidding-extended"));
        Assert.That(extended.BiddingClosesAt, Is.Not.Null);
        Assert.That(alert.Kind, Is.EqualTo("bidding-extended"));
        Assert.That(noBids.Kind, Is.EqualTo("no-bids"));
        Assert.That(noBids.Status, Is.EqualTo("open-for-bids"));
        Assert.That(stored.BiddingExtended, Is.True);
        Assert.That(stored.BiddingClosesAt, Is.Null);
        // The matchmaker's tick removes its reminder once no pool has a deadline left: just after the pool's notice.
        var until = DateTimeOffset.UtcNow.AddSeconds(10);
        while (await Reminders(app) > 0 && DateTimeOffset.UtcNow < until)
        {
            await Task.Delay(100);
        }

        Assert.That(await Reminders(app), Is.Zero, "a deadline that has passed leaves no reminder behind");
    }

    [Test]
    public async Task Deadline_WhenTheWholeAppRestartsBeforeItIsDue_StillFiresAfterwards()
    {
        ShortBiddingWindows.Set("029041", "nanny-share", TimeSpan.FromSeconds(8));
        var file = Path.Combine(Path.GetTempPath(), $"will-restart-{Guid.NewGuid():N}.db");
        var settings = new Dictionary<string, string?> { ["Database:Provider"] = "Sqlite", ["Database:ConnectionString"] = $"Data Source={file}" };
        try
        {
            Pool pool;
            await using (var before = new MarketplaceAppFactory(settings))
            {
                pool = await ReachQuorum(before, "rovigo", 45.0703, 11.7900);
                Assert.That(await Reminders(before), Is.EqualTo(1));
            }

            await using var after = new MarketplaceAppFactory(settings);
            using var client = after.CreateClient();
            (await client.GetAsync("/health/ready")).EnsureSuccessStatusCode();
            var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
            var stored = await StoredPool(after, pool.Id);
            while (!stored.BiddingExtended && DateTimeOffset.UtcNow < deadline)
            {
                await Task.Delay(250);
                stored = await StoredPool(after, pool.Id);
            }

            Assert.That(stored.BiddingExtended, Is.True, "the deadline set before the restart fired after it");
            Assert.That(stored.BiddingClosesAt, Is.GreaterThan(DateTimeOffset.UtcNow));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var path in new[] { file, file + "-wal", file + "-shm" }.Where(File.Exists))
            {
                File.Delete(path);
            }
        }
    }

    private static System.Threading.Channels.Channel<PoolNoticeEvent> Collect(HubConnection hub)
    {
        var notices = System.Threading.Channels.Channel.CreateUnbounded<PoolNoticeEvent>();
        hub.On<PoolNoticeEvent>("poolNotice", e => notices.Writer.TryWrite(e));
        return notices;
    }

    private static async Task<Pool> ReachQuorum(MarketplaceAppFactory app, string city, double latitude, double longitude)
    {
        Pool? pool = null;
        foreach (var n in new[] { 1, 2 })
        {
            using var family = await app.ClientFor(Samples.Family(n, city));
            var response = await family.PostAsJsonAsync("/api/v1/requests", Samples.NannyShareIn(latitude, longitude + n * 0.001));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
            pool = (await response.Content.ReadFromJsonAsync<Created>())!.Pool;
        }

        Assert.That(pool!.Status, Is.EqualTo("open-for-bids"));
        return pool;
    }

    private static async Task<Infrastructure.Persistence.Entities.PoolRecord> StoredPool(MarketplaceAppFactory app, Guid id)
    {
        await using var db = await app.Service<IDbContextFactory<MarketplaceDbContext>>().CreateDbContextAsync();
        return await db.Pools.AsNoTracking().SingleAsync(p => p.Id == id);
    }

    private static async Task<int> Reminders(MarketplaceAppFactory app)
    {
        await using var db = await app.Service<IDbContextFactory<MarketplaceDbContext>>().CreateDbContextAsync();
        return await db.Reminders.CountAsync();
    }
}
