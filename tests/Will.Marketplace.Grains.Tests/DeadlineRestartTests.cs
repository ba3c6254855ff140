using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Will.Marketplace.Abstractions.Matching;
using Will.Marketplace.Abstractions.Pools;
using Will.Marketplace.Domain.Pools;
using Will.Marketplace.Domain.Ports;
using Will.Marketplace.Infrastructure;
using Will.Marketplace.Infrastructure.Seeding;
using Will.Marketplace.Testing;

namespace Will.Marketplace.Grains.Tests;

/// <summary>A silo as <see cref="MarketplaceSilo"/>, with the test's short bidding windows.</summary>
public sealed class ShortWindowSilo : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder)
    {
        new MarketplaceSilo().Configure(siloBuilder);
        ShortBiddingWindows.Install(siloBuilder.Services);
    }
}

/// <summary>
/// Bidding deadlines, held by each matchmaker's one reminder, on a one-silo cluster of the test's
/// own (its own SQLite file): they outlive the silo that set them, and every pool's fires, whoever
/// opened it.
/// </summary>
[NonParallelizable]
public sealed class DeadlineRestartTests
{
    [Test]
    public async Task Deadline_WhenTheSiloRestartsBeforeItIsDue_FiresOnTheNewSilo()
    {
        await using var silo = await OneSilo.Start();
        ShortBiddingWindows.Set("039014", "nanny-share", TimeSpan.FromSeconds(8));
        var ravenna = new Territory("039014", "nanny-share", 44.4184, 12.2035);
        var matchmaker = silo.Cluster.GrainFactory.GetGrain<IMatchmakerGrain>(IMatchmakerGrain.KeyFor("039014", "nanny-share"));
        await matchmaker.Place(ravenna.Request("mon 08:00-13:00;tue 08:00-13:00"));
        var open = await matchmaker.Place(ravenna.Request("mon 08:00-13:00;tue 08:00-13:00", metresNorth: 200));
        Assert.That(open.Pool.Status, Is.EqualTo("open-for-bids"));

        await silo.Cluster.RestartSiloAsync(silo.Cluster.Primary!);

        var pool = await silo.WaitFor(open.Pool.Id, p => p.BiddingExtended, TimeSpan.FromSeconds(60));
        Assert.That(pool.BiddingExtended, Is.True, "the new silo fired the deadline the old one set");
        Assert.That(pool.BiddingClosesAt, Is.GreaterThan(open.Pool.BiddingClosesAt!.Value));
    }

    [Test]
    public async Task Deadlines_OfPoolsOpenedByTheMatchmakerOrByTheirOwnGrain_FireFromOneReminderPerMatchmaker()
    {
        await using var silo = await OneSilo.Start();
        const string Mornings = "mon 08:00-13:00;tue 08:00-13:00";
        ShortBiddingWindows.Set("035033", "nanny-share", TimeSpan.FromSeconds(3));
        ShortBiddingWindows.Set("028060", "nanny-share", TimeSpan.FromSeconds(3));
        var reggio = new Territory("035033", "nanny-share", 44.6983, 10.6312);
        var padova = new Territory("028060", "nanny-share", 45.4064, 11.8768);
        var matchmaker = silo.Cluster.GrainFactory.GetGrain<IMatchmakerGrain>(IMatchmakerGrain.KeyFor("035033", "nanny-share"));

        // Two pools of one matchmaker, a second apart (3 km apart, beyond nanny-share's radius).
        await matchmaker.Place(reggio.Request(Mornings));
        var first = (await matchmaker.Place(reggio.Request(Mornings, metresNorth: 200))).Pool;
        await Task.Delay(TimeSpan.FromSeconds(1));
        await matchmaker.Place(reggio.Request(Mornings, metresNorth: 3000));
        var second = (await matchmaker.Place(reggio.Request(Mornings, metresNorth: 3200))).Pool;

        // A pool opened through its own grain, the only one of its matchmaker: only the grain's word sets that reminder.
        var grain = silo.Cluster.GrainFactory.GetGrain<IDemandPoolGrain>(Guid.CreateVersion7());
        await grain.Start(padova.Request(Mornings));
        var byGrain = (await grain.Join(padova.Request(Mornings, metresNorth: 200))).Pool!;

        Assert.That(new[] { first.Status, second.Status, byGrain.Status }, Is.All.EqualTo("open-for-bids"));
        Assert.That(await silo.Reminders(), Is.EqualTo(2), "one reminder per matchmaker, none per pool");

        // The second deadline is a second after the first and well before the first's extended one: it fires on its own time.
        await silo.WaitFor(first.Id, p => p.BiddingExtended, TimeSpan.FromSeconds(30));
        var secondOnTime = await silo.WaitFor(second.Id, p => p.BiddingExtended, TimeSpan.FromSeconds(2.5));
        Assert.That(secondOnTime.BiddingExtended, Is.True, "the second pool's deadline fired on its own time, not with the first pool's next one");
        foreach (var pool in new[] { first, second, byGrain })
        {
            // Extended once (no bids), then closed for want of bids: two deadlines each, on time.
            var closed = await silo.WaitFor(pool.Id, p => p is { BiddingExtended: true, BiddingClosesAt: null }, TimeSpan.FromSeconds(30));
            Assert.That(closed.BiddingExtended && closed.BiddingClosesAt is null, Is.True, $"pool {pool.Id} heard both its deadlines");
        }

        var until = DateTimeOffset.UtcNow.AddSeconds(10);
        while (await silo.Reminders() > 0 && DateTimeOffset.UtcNow < until)
        {
            await Task.Delay(100);
        }

        Assert.That(await silo.Reminders(), Is.Zero, "no deadline left, no reminder left");
    }

    /// <summary>A one-silo cluster of its own with short bidding windows, on its own SQLite file.</summary>
    private sealed class OneSilo : IAsyncDisposable
    {
        private readonly string _file;
        private readonly ServiceProvider _database;

        private OneSilo(string file, ServiceProvider database, TestCluster cluster) => (_file, _database, Cluster) = (file, database, cluster);

        public TestCluster Cluster { get; }

        public static async Task<OneSilo> Start()
        {
            var file = Path.Combine(Path.GetTempPath(), $"will-deadline-{Guid.NewGuid():N}.db");
            var settings = new Dictionary<string, string?> { ["Database:Provider"] = "Sqlite", ["Database:ConnectionString"] = $"Data Source={file}" };
            var database = new ServiceCollection()
                .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
                .AddLogging()
                .AddMarketplaceInfrastructure()
                .AddSingleton<DatabaseInitializer>()
                .BuildServiceProvider();
            await database.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
            var builder = new TestClusterBuilder(1);
            builder.Options.ConfigureFileLogging = false;
            builder.ConfigureHostConfiguration(config => config.AddInMemoryCollection(settings));
            builder.AddSiloBuilderConfigurator<ShortWindowSilo>();
            var cluster = builder.Build();
            await cluster.DeployAsync();
            return new OneSilo(file, database, cluster);
        }

        /// <summary>The pool as stored once <paramref name="done"/> holds, or as it is when time is up.</summary>
        public async Task<DemandPool> WaitFor(Guid poolId, Func<DemandPool, bool> done, TimeSpan patience)
        {
            var store = _database.GetRequiredService<IDemandPoolStore>();
            var until = DateTimeOffset.UtcNow + patience;
            var pool = (await store.FindAsync(poolId))!;
            while (!done(pool) && DateTimeOffset.UtcNow < until)
            {
                await Task.Delay(100);
                pool = (await store.FindAsync(poolId))!;
            }

            return pool;
        }

        public async Task<long> Reminders()
        {
            await using var connection = new SqliteConnection($"Data Source={_file}");
            await connection.OpenAsync();
            await using var count = connection.CreateCommand();
            count.CommandText = "SELECT COUNT(*) FROM Reminders";
            return (long)(await count.ExecuteScalarAsync())!;
        }

        public async ValueTask DisposeAsync()
        {
            await Cluster.StopAllSilosAsync();
            await Cluster.DisposeAsync();
            await _database.DisposeAsync();
            SqliteConnection.ClearAllPools();
            File.Delete(_file);
        }
    }
}
