using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Will.Marketplace.Domain.Ports;
using Will.Marketplace.Infrastructure;
using Will.Marketplace.Infrastructure.Seeding;

namespace Will.Marketplace.Grains.Tests;

/// <summary>
/// One two-silo cluster for the whole run, on a throwaway SQLite file migrated and seeded before
/// the silos start, as the web host does. Two silos, so that pushes cross from one silo to the other.
/// </summary>
[SetUpFixture]
public sealed class ClusterFixture
{
    private static string _databaseFile = "";
    private static ServiceProvider? _database;

    public static TestCluster Cluster { get; private set; } = null!;

    /// <summary>A store of the test's own on the cluster's database, to check what the grains saved.</summary>
    public static IDemandPoolStore Store => _database!.GetRequiredService<IDemandPoolStore>();

    public static ICategoryCatalog Catalog => _database!.GetRequiredService<ICategoryCatalog>();

    public static IReadOnlyList<RecordingPushObserver> Observers =>
        [.. Cluster.Silos.OfType<InProcessSiloHandle>().Select(s => s.SiloHost.Services.GetRequiredService<RecordingPushObserver>())];

    [OneTimeSetUp]
    public async Task StartCluster()
    {
        _databaseFile = Path.Combine(Path.GetTempPath(), $"will-grains-{Guid.NewGuid():N}.db");
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = $"Data Source={_databaseFile}",
        };
        _database = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .AddLogging()
            .AddMarketplaceInfrastructure()
            .AddSingleton<DatabaseInitializer>()
            .BuildServiceProvider();
        await _database.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);

        var builder = new TestClusterBuilder(2);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureHostConfiguration(config => config.AddInMemoryCollection(settings));
        builder.AddSiloBuilderConfigurator<MarketplaceSilo>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    [OneTimeTearDown]
    public async Task StopCluster()
    {
        if (Cluster is not null)
        {
            await Cluster.StopAllSilosAsync();
            await Cluster.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        File.Delete(_databaseFile);
    }
}
