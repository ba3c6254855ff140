using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Will.Marketplace.Domain.Geography;
using Will.Marketplace.Domain.Pools;
using Will.Marketplace.Domain.Ports;
using Will.Marketplace.Domain.Requests;
using Will.Marketplace.Domain.Scheduling;
using Will.Marketplace.Infrastructure.Persistence;
using Will.Marketplace.Infrastructure.Seeding;

namespace Will.Marketplace.Infrastructure.Tests;

/// <summary>The pool store on each real database: round trip, and the optimistic-concurrency check.</summary>
[TestFixture("Sqlite")]
[TestFixture("PostgreSql")]
public sealed class DemandPoolStoreTests(string provider) : IDisposable
{
    private ServiceProvider _services = null!;
    private string? _sqliteFile;

    [OneTimeSetUp]
    public async Task CreateDatabase()
    {
        string connectionString;
        if (provider == "Sqlite")
        {
            _sqliteFile = Path.Combine(Path.GetTempPath(), $"will-store-{Guid.NewGuid():N}.db");
            connectionString = $"Data Source={_sqliteFile}";
        }
        else
        {
            connectionString = await PostgresFixture.Server.CreateDatabaseAsync("store");
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["Database:ConnectionString"] = connectionString,
        }).Build();
        _services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddMarketplaceInfrastructure()
            .AddSingleton<DatabaseInitializer>()
            .BuildServiceProvider();
        await _services.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
    }

    [OneTimeTearDown]
    public void Dispose()
    {
        _services.Dispose();
        if (_sqliteFile is not null && File.Exists(_sqliteFile))
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(_sqliteFile);
        }
    }

    private static CareRequest Request(string schedule, double latitudeOffset = 0) => new(
        Guid.CreateVersion7(), Guid.NewGuid(), "016024", "home-care-elderly", new GeoPoint(45.6983 + latitudeOffset, 9.6773),
        WeeklySchedule.Parse(schedule), new DateOnly(2030, 1, 7), new Dictionary<string, string> { ["language"] = "it" }, null, DateTimeOffset.UtcNow);

    private async Task<DemandPool> StartPool(CareRequest first)
    {
        var category = (await _services.GetRequiredService<ICategoryCatalog>().FindAsync("016024", "home-care-elderly"))!;
        var pool = DemandPool.Start(Guid.CreateVersion7(), "016024", category, PoolMember.From(first, DateTimeOffset.UtcNow), DateTimeOffset.UtcNow);
        await _services.GetRequiredService<IDemandPoolStore>().SaveAsync(pool, first);
        pool.MarkSaved();
        return pool;
    }

    [Test]
    public async Task SaveThenFind_WhenAMemberJoined_ReturnsThePoolWithBothMembers()
    {
        var store = _services.GetRequiredService<IDemandPoolStore>();
        var category = (await _services.GetRequiredService<ICategoryCatalog>().FindAsync("016024", "home-care-elderly"))!;
        var first = Request("mon 09:00-11:00");
        var second = Request("tue 09:00-11:00", 0.001);
        var pool = await StartPool(first);

        pool.Join(category, PoolMember.From(second, DateTimeOffset.UtcNow), DateTimeOffset.UtcNow);
        await store.SaveAsync(pool, second);
        var loaded = await store.FindAsync(pool.Id);
        var joinable = await store.ListJoinableAsync("016024", "home-care-elderly");

        Assert.That(loaded!.Members.Select(m => m.RequestId), Is.EqualTo(new[] { first.Id, second.Id }));
        Assert.That(loaded.Members[1].Schedule, Is.EqualTo(second.Schedule));
        Assert.That(loaded.Members[1].Attributes["language"], Is.EqualTo("it"));
        Assert.That(loaded.Version, Is.EqualTo(2));
        Assert.That(joinable.Select(p => p.Id), Does.Contain(pool.Id));

        // The requests are passed as they came (open, in no pool): the store saves them pooled in this one.
        await using var db = await _services.GetRequiredService<IDbContextFactory<MarketplaceDbContext>>().CreateDbContextAsync();
        var requests = await db.Requests.AsNoTracking().Where(r => r.Id == first.Id || r.Id == second.Id).ToListAsync();
        Assert.That(requests.Select(r => (r.Status, r.PoolId)), Is.EqualTo(new[] { ("pooled", (Guid?)pool.Id), ("pooled", (Guid?)pool.Id) }));
        Assert.That(requests.Single(r => r.Id == second.Id).Schedule, Is.EqualTo("tue 09:00-11:00"));
    }

    [Test]
    public async Task SavePlacements_FromFormingToQuorumAndBeyond_StoreTheStatusOfEachMoment()
    {
        // A placement writes the status only when it changed (SQLite rewrites the status index for
        // any status in the SET): the stored status must still follow every change.
        var store = _services.GetRequiredService<IDemandPoolStore>();
        var category = (await _services.GetRequiredService<ICategoryCatalog>().FindAsync("016024", "home-care-elderly"))!;
        var pool = await StartPool(Request("mon 13:00-14:00"));
        var stored = new List<PoolStatus>();
        foreach (var (schedule, i) in new[] { "tue 13:00-14:00", "wed 13:00-14:00", "thu 13:00-14:00" }.Select((s, i) => (s, i)))
        {
            var joiner = Request(schedule, 0.001 * (i + 1));
            pool.Join(category, PoolMember.From(joiner, DateTimeOffset.UtcNow), DateTimeOffset.UtcNow);
            await store.SaveAsync(pool, joiner);
            pool.MarkSaved();
            var loaded = (await store.FindAsync(pool.Id))!;
            stored.Add(loaded.Status);
            Assert.That(loaded.Version, Is.EqualTo(pool.Version));
            Assert.That(loaded.MunicipalityCode, Is.EqualTo("016024"));
            Assert.That(loaded.CategoryCode, Is.EqualTo("home-care-elderly"));
        }

        Assert.That(stored, Is.EqualTo(new[] { PoolStatus.Forming, PoolStatus.OpenForBids, PoolStatus.OpenForBids }));
        Assert.That((await store.ListJoinableAsync("016024", "home-care-elderly")).Single(p => p.Id == pool.Id).Status, Is.EqualTo(PoolStatus.OpenForBids));
    }

    [Test]
    public async Task Save_WhenAnotherWriterSavedFirst_ThrowsConcurrencyConflictAndKeepsTheWinner()
    {
        var store = _services.GetRequiredService<IDemandPoolStore>();
        var category = (await _services.GetRequiredService<ICategoryCatalog>().FindAsync("016024", "home-care-elderly"))!;
        var pool = await StartPool(Request("wed 09:00-11:00"));
        var stale = await store.FindAsync(pool.Id);
        var winner = Request("thu 09:00-11:00");
        var loser = Request("fri 09:00-11:00");

        pool.Join(category, PoolMember.From(winner, DateTimeOffset.UtcNow), DateTimeOffset.UtcNow);
        await store.SaveAsync(pool, winner);
        stale!.Join(category, PoolMember.From(loser, DateTimeOffset.UtcNow), DateTimeOffset.UtcNow);

        Assert.That(async () => await store.SaveAsync(stale, loser), Throws.InstanceOf<ConcurrencyConflictException>());
        var loaded = await store.FindAsync(pool.Id);
        Assert.That(loaded!.Members.Select(m => m.RequestId), Does.Contain(winner.Id).And.Not.Contain(loser.Id));
    }

    [Test]
    public async Task ManyPlacementsAtOnce_AreCommittedTogether_AndOnlyTheStaleOrRepeatedOneFails()
    {
        var store = _services.GetRequiredService<IDemandPoolStore>();
        var category = (await _services.GetRequiredService<ICategoryCatalog>().FindAsync("016024", "home-care-elderly"))!;
        var pools = new List<DemandPool>();
        for (var i = 0; i < 40; i++)
        {
            pools.Add(await StartPool(Request("tue 09:00-10:00", i * 0.0001)));
        }

        // One pool changed behind the back of the copy that will join it; one request placed a second time.
        var stale = (await store.FindAsync(pools[7].Id))!;
        var ahead = Request("fri 14:00-15:00");
        Assert.That(pools[7].Join(category, PoolMember.From(ahead, DateTimeOffset.UtcNow), DateTimeOffset.UtcNow), Is.EqualTo(Incompatibility.None));
        await store.SaveAsync(pools[7], ahead);
        var repeated = pools[12].Members[0];

        using var writes = new WriteMeter();

        // First twenty sound placements at once, then twenty more among which the two at fault.
        var joiners = new Dictionary<Guid, CareRequest>();
        var outcomes = new Exception?[pools.Count];
        foreach (var round in new[] { Enumerable.Range(20, 20), Enumerable.Range(0, 20) })
        {
            var saves = new List<(int Index, Task Save)>();
            foreach (var i in round)
            {
                var target = i == 7 ? stale : pools[i];
                var request = Request("thu 14:00-15:00");
                if (i == 11)
                {
                    // Another pool's first request, placed a second time: its insert must fail.
                    request = request with { Id = repeated.RequestId };
                }

                Assert.That(target.Join(category, PoolMember.From(request, DateTimeOffset.UtcNow), DateTimeOffset.UtcNow), Is.EqualTo(Incompatibility.None));
                joiners[pools[i].Id] = request;
                saves.Add((i, store.SaveAsync(target, request)));
            }

            foreach (var (index, save) in saves)
            {
                try
                {
                    await save;
                }
                catch (Exception ex)
                {
                    outcomes[index] = ex;
                }
            }

            if (round.First() == 20)
            {
                Assert.That(writes.LargestBatch, Is.GreaterThan(1), "placements waiting together were committed together");
            }
        }

        Assert.That(outcomes[7], Is.InstanceOf<ConcurrencyConflictException>());
        Assert.That(outcomes[11], Is.Not.Null);
        Assert.That(outcomes.Where((o, i) => i is not 7 and not 11), Is.All.Null);
        for (var i = 0; i < pools.Count; i++)
        {
            var loaded = (await store.FindAsync(pools[i].Id))!;
            var expected = i switch
            {
                7 => new[] { pools[i].Members[0].RequestId, ahead.Id },
                11 => new[] { pools[i].Members[0].RequestId },
                _ => new[] { pools[i].Members[0].RequestId, joiners[pools[i].Id].Id },
            };
            Assert.That(loaded.Members.Select(m => m.RequestId), Is.EquivalentTo(expected), $"pool {i}");
            Assert.That(loaded.Version, Is.EqualTo(i == 11 ? 1 : 2), $"pool {i}");
        }
    }

    [Test]
    public async Task ManyPlacementsAtOnce_MixingJoinsAndNewPools_AreCommittedTogetherWithoutARedo()
    {
        // Joins of existing pools and starts of new ones, interleaved: every row lands, after the pool
        // it refers to, in batches that never had to be redone one write at a time.
        var store = _services.GetRequiredService<IDemandPoolStore>();
        var category = (await _services.GetRequiredService<ICategoryCatalog>().FindAsync("016024", "home-care-elderly"))!;
        var existing = new List<DemandPool>();
        for (var i = 0; i < 10; i++)
        {
            existing.Add(await StartPool(Request("wed 09:00-10:00", i * 0.0001)));
        }

        using var writes = new WriteMeter();

        var saves = new List<Task>();
        var expected = new Dictionary<Guid, Guid[]>();
        for (var i = 0; i < 10; i++)
        {
            var joiner = Request("sat 14:00-15:00");
            Assert.That(existing[i].Join(category, PoolMember.From(joiner, DateTimeOffset.UtcNow), DateTimeOffset.UtcNow), Is.EqualTo(Incompatibility.None));
            expected[existing[i].Id] = [existing[i].Members[0].RequestId, joiner.Id];
            saves.Add(store.SaveAsync(existing[i], joiner));

            var first = Request("mon 16:00-17:00", 0.01 + (i * 0.0001));
            var started = DemandPool.Start(Guid.CreateVersion7(), "016024", category, PoolMember.From(first, DateTimeOffset.UtcNow), DateTimeOffset.UtcNow);
            expected[started.Id] = [first.Id];
            saves.Add(store.SaveAsync(started, first));
        }

        await Task.WhenAll(saves);

        Assert.That(writes.LargestBatch, Is.GreaterThan(1), "placements waiting together were committed together");
        Assert.That(writes.Redone, Is.Zero, "no batch had to be redone one write at a time");
        foreach (var (poolId, requests) in expected)
        {
            var loaded = (await store.FindAsync(poolId))!;
            Assert.That(loaded.Members.Select(m => m.RequestId), Is.EquivalentTo(requests), $"pool {poolId}");
        }
    }

    /// <summary>The group commit's own meter, read while a test runs: the largest batch, and batches redone one write at a time.</summary>
    private sealed class WriteMeter : IDisposable
    {
        private readonly System.Diagnostics.Metrics.MeterListener _listener = new();
        private int _largest;
        private int _redone;

        public WriteMeter()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "Will.Marketplace.Persistence")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<int>((instrument, value, _, _) =>
            {
                if (instrument.Name == "will.writes.batches_redone")
                {
                    Interlocked.Add(ref _redone, value);
                    return;
                }

                int seen;
                while (value > (seen = Volatile.Read(ref _largest)) && Interlocked.CompareExchange(ref _largest, value, seen) != seen)
                {
                }
            });
            _listener.Start();
        }

        public int LargestBatch => Volatile.Read(ref _largest);

        public int Redone => Volatile.Read(ref _redone);

        public void Dispose() => _listener.Dispose();
    }
}
