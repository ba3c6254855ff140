using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Will.Marketplace.Abstractions.Live;
using Will.Marketplace.Abstractions.Matching;
using Will.Marketplace.Domain.Bidding;
using Will.Marketplace.Domain.Catalog;
using Will.Marketplace.Domain.Common;
using Will.Marketplace.Domain.Matching;
using Will.Marketplace.Domain.Pools;
using Will.Marketplace.Domain.Ports;
using Will.Marketplace.Domain.Requests;
using Will.Marketplace.Grains;
using Will.Marketplace.Infrastructure;
using Will.Marketplace.Infrastructure.Seeding;
using Will.Marketplace.Optimisation;

namespace Will.Marketplace.Benchmarks;

/// <summary>The simplest grain there is: the baseline every grain figure is divided by.</summary>
[Alias("Will.Bench.IPingGrain")]
public interface IPingGrain : IGrainWithIntegerKey
{
    [Alias("Ping")]
    Task<int> Ping(int value);
}

public sealed class PingGrain : Grain, IPingGrain
{
    public Task<int> Ping(int value) => Task.FromResult(value + 1);
}

/// <summary>
/// One silo in this process, as the web host runs it, with either in-memory stores (no disk: the
/// grains' own cost) or the real EF Core stores on a SQLite file.
/// </summary>
public static class BenchmarkSilo
{
    public static async Task<IHost> Start(string? sqliteFile)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = $"Data Source={sqliteFile}",
            ["Matching:ReoptimiseAfter"] = "1.00:00:00",
        });
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(FreePort(), FreePort());
            silo.Services.AddMarketplaceGrainServices();
            silo.Services.AddSingleton<ISetPackingSolver, CpSatSetPackingSolver>();
            silo.Services.AddSingleton<IPushObserver, CountingObserver>();
            if (sqliteFile is null)
            {
                silo.UseInMemoryReminderService();
                silo.Services.AddSingleton<ICategoryCatalog, ReferenceCatalog>();
                silo.Services.AddSingleton<IDemandPoolStore, InMemoryPoolStore>();
                silo.Services.AddSingleton<IBiddingStore, NoBids>();
            }
            else
            {
                silo.Services.AddMarketplaceInfrastructure();
                silo.Services.AddMarketplaceReminders();
                silo.Services.AddSingleton<DatabaseInitializer>();
            }
        });
        var host = builder.Build();
        if (sqliteFile is not null)
        {
            await host.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
        }

        await host.StartAsync();
        return host;
    }

    /// <summary>
    /// The request as the API would send it: without a start date in the instance, the day it arrived
    /// (as soon as possible: a day already past counts as today, so the wall clock never changes a decision).
    /// </summary>
    public static PlaceRequestCommand Command(InstanceRequest r) => new(
        Guid.CreateVersion7(),
        Guid.NewGuid(), r.Municipality, r.Category, r.Latitude, r.Longitude, r.Schedule,
        r.StartDate ?? ItalianCalendar.DayOf(r.ArrivedAt), r.Attributes, null, r.ArrivedAt);

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class CountingObserver : IPushObserver
    {
        public Task Deliver(ImmutableArray<LiveMessage> messages) => Task.CompletedTask;
    }

    /// <summary>The speed and memory runs place requests only: nobody bids.</summary>
    private sealed class NoBids : IBiddingStore
    {
        public Task<BidderProfile> FindBidderAsync(Guid providerId, string municipalityCode, string categoryCode, CancellationToken cancellationToken = default) =>
            Task.FromResult(new BidderProfile(null, 0, null));

        public Task<IReadOnlyList<Bid>> ListBidsAsync(Guid poolId, CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<Bid>>([]);

        public Task<Guid> SaveBidAsync(Bid bid, DateTimeOffset now, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException("The benchmarks place requests only.");

        public Task<(Bid Bid, long WeeklyCostCents)?> FindAwardedBidAsync(Guid poolId, CancellationToken cancellationToken = default) =>
            Task.FromResult<(Bid Bid, long WeeklyCostCents)?>(null);

        public Task<bool> WithdrawBidAsync(Guid poolId, Guid providerId, DateTimeOffset now, CancellationToken cancellationToken = default) => Task.FromResult(false);

        public Task<AwardWeights> WeightsAsync(string municipalityCode, string categoryCode, CancellationToken cancellationToken = default) => Task.FromResult(AwardWeights.Default);
    }

    private sealed class ReferenceCatalog : ICategoryCatalog
    {
        public Task<ServiceCategory?> FindAsync(string municipalityCode, string categoryCode, CancellationToken cancellationToken = default) =>
            Task.FromResult(Instance.Categories.GetValueOrDefault(categoryCode));
    }

    /// <summary>
    /// The database's stand-in when only the grains are measured: pools by id, versions checked. It
    /// keeps what a row would (the pool's fields and its members), not a live pool: a pool is made
    /// only when one is read, as a database read would.
    /// </summary>
    private sealed class InMemoryPoolStore : IDemandPoolStore
    {
        private readonly ConcurrentDictionary<Guid, Row> _pools = new();

        public Task<DemandPool?> FindAsync(Guid poolId, CancellationToken cancellationToken = default) =>
            Task.FromResult(_pools.TryGetValue(poolId, out var row) ? row.ToPool() : null);

        public Task<IReadOnlyList<DemandPool>> ListJoinableAsync(string municipalityCode, string categoryCode, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<DemandPool>>([.. _pools.Values.Where(r => r.MunicipalityCode == municipalityCode && r.CategoryCode == categoryCode).Select(r => r.ToPool()).Where(p => p.IsJoinable)]);

        public Task<IReadOnlyList<PoolDeadline>> ListDeadlinesAsync(string municipalityCode, string categoryCode, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<PoolDeadline>>([.. _pools.Values
                .Where(r => r.MunicipalityCode == municipalityCode && r.CategoryCode == categoryCode && r.Status == PoolStatus.OpenForBids && r.BiddingClosesAt is not null)
                .Select(r => new PoolDeadline(r.Id, r.BiddingClosesAt!.Value))]);

        public Task SaveAsync(DemandPool pool, CareRequest? placedRequest, CancellationToken cancellationToken = default)
        {
            Save(pool);
            return Task.CompletedTask;
        }

        public Task SaveAwardAsync(DemandPool pool, AwardDecision award, CollectiveOrder? order, CancellationToken cancellationToken = default)
        {
            Save(pool);
            return Task.CompletedTask;
        }

        public Task SaveOrderAsync(DemandPool pool, CollectiveOrder order, CancellationToken cancellationToken = default)
        {
            Save(pool);
            return Task.CompletedTask;
        }

        public Task SaveLapsedAwardAsync(DemandPool pool, CancellationToken cancellationToken = default)
        {
            Save(pool);
            return Task.CompletedTask;
        }

        public Task SaveMovesAsync(IReadOnlyList<DemandPool> pools, IReadOnlyList<PoolMove> moves, CancellationToken cancellationToken = default)
        {
            foreach (var pool in pools)
            {
                Save(pool);
            }

            return Task.CompletedTask;
        }

        private void Save(DemandPool pool)
        {
            var stored = new Row(pool.Id, pool.MunicipalityCode, pool.CategoryCode, pool.Status, pool.Capacity, pool.Quorum, [.. pool.Members],
                pool.CreatedAt, pool.BiddingClosesAt, pool.Version + 1, pool.QuorumReachedAt, pool.BiddingExtended);
            if (pool.Version == 0 ? !_pools.TryAdd(pool.Id, stored) : !_pools.TryGetValue(pool.Id, out var old) || old.Version != pool.Version || !_pools.TryUpdate(pool.Id, stored, old))
            {
                throw new ConcurrencyConflictException($"Pool {pool.Id} changed elsewhere.");
            }
        }

        private sealed record Row(
            Guid Id, string MunicipalityCode, string CategoryCode, PoolStatus Status, int Capacity, int Quorum, PoolMember[] Members,
            DateTimeOffset CreatedAt, DateTimeOffset? BiddingClosesAt, long Version, DateTimeOffset? QuorumReachedAt, bool BiddingExtended)
        {
            public DemandPool ToPool() =>
                new(Id, MunicipalityCode, CategoryCode, Status, Capacity, Quorum, Members, CreatedAt, BiddingClosesAt, Version, QuorumReachedAt, BiddingExtended);
        }
    }
}
