using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
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
/// A bidding deadline outlives the silo that set it: a one-silo cluster of its own, on its own
/// SQLite file, is restarted before the deadline, and the new silo fires it.
/// </summary>
[NonParallelizable]
public sealed class DeadlineRestartTests
{
    [Test]
    public async Task Deadline_WhenTheSiloRestartsBeforeItIsDue_FiresOnTheNewSilo()
    {
        var file = Path.Combine(Path.GetTempPath(), $"will-restart-{Guid.NewGuid():N}.db");
        var settings = new Dictionary<string, string?> { ["Database:Provider"] = "Sqlite", ["Database:ConnectionString"] = $"Data Source={file}" };
        await using var database = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .AddLogging()
            .AddMarketplaceInfrastructure()
            .AddSingleton<DatabaseInitializer>()
            .BuildServiceProvider();
        await database.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
        ShortBiddingWindows.Set("039014", "nanny-share", TimeSpan.FromSeconds(8));
        var builder = new TestClusterBuilder(1);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureHostConfiguration(config => config.AddInMemoryCollection(settings));
        builder.AddSiloBuilderConfigurator<ShortWindowSilo>();
        var cluster = builder.Build();
        try
        {
            await cluster.DeployAsync();
            var ravenna = new Territory("039014", "nanny-share", 44.4184, 12.2035);
            var matchmaker = cluster.GrainFactory.GetGrain<Abstractions.Matching.IMatchmakerGrain>(Abstractions.Matching.IMatchmakerGrain.KeyFor("039014", "nanny-share"));
            await matchmaker.Place(ravenna.Request("mon 08:00-13:00;tue 08:00-13:00"));
            var open = await matchmaker.Place(ravenna.Request("mon 08:00-13:00;tue 08:00-13:00", metresNorth: 200));
            Assert.That(open.Pool.Status, Is.EqualTo("open-for-bids"));

            await cluster.RestartSiloAsync(cluster.Primary!);

            var store = database.GetRequiredService<IDemandPoolStore>();
            var until = DateTimeOffset.UtcNow.AddSeconds(60);
            var pool = await store.FindAsync(open.Pool.Id);
            while (pool is { BiddingExtended: false } && DateTimeOffset.UtcNow < until)
            {
                await Task.Delay(250);
                pool = await store.FindAsync(open.Pool.Id);
            }

            Assert.That(pool!.BiddingExtended, Is.True, "the new silo fired the deadline the old one set");
            Assert.That(pool.BiddingClosesAt, Is.GreaterThan(open.Pool.BiddingClosesAt!.Value));
        }
        finally
        {
            await cluster.StopAllSilosAsync();
            await cluster.DisposeAsync();
            SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }
}
