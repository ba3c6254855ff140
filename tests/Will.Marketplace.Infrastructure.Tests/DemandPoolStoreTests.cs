using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Will.Marketplace.Domain.Geography;
using Will.Marketplace.Domain.Pools;
using Will.Marketplace.Domain.Ports;
using Will.Marketplace.Domain.Requests;
using Will.Marketplace.Domain.Scheduling;
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
        await _services.GetRequiredService<IDemandPoolStore>().SaveAsync(pool, first.PlacedIn(pool.Id));
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
        await store.SaveAsync(pool, second.PlacedIn(pool.Id));
        var loaded = await store.FindAsync(pool.Id);
        var joinable = await store.ListJoinableAsync("016024", "home-care-elderly");

        Assert.That(loaded!.Members.Select(m => m.RequestId), Is.EqualTo(new[] { first.Id, second.Id }));
        Assert.That(loaded.Members[1].Schedule, Is.EqualTo(second.Schedule));
        Assert.That(loaded.Members[1].Attributes["language"], Is.EqualTo("it"));
        Assert.That(loaded.Version, Is.EqualTo(2));
        Assert.That(joinable.Select(p => p.Id), Does.Contain(pool.Id));
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
        await store.SaveAsync(pool, winner.PlacedIn(pool.Id));
        stale!.Join(category, PoolMember.From(loser, DateTimeOffset.UtcNow), DateTimeOffset.UtcNow);

        Assert.That(async () => await store.SaveAsync(stale, loser.PlacedIn(pool.Id)), Throws.InstanceOf<ConcurrencyConflictException>());
        var loaded = await store.FindAsync(pool.Id);
        Assert.That(loaded!.Members.Select(m => m.RequestId), Does.Contain(winner.Id).And.Not.Contain(loser.Id));
    }
}
