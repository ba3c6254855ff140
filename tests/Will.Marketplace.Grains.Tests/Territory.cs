using System.Collections.Concurrent;
using Will.Marketplace.Abstractions.Matching;
using Will.Marketplace.Abstractions.Pools;
using Will.Marketplace.Domain.Common;

namespace Will.Marketplace.Grains.Tests;

/// <summary>
/// A matchmaker key no other test uses: each call claims the next WILL city for the category,
/// so tests share the cluster but never each other's pools.
/// </summary>
internal sealed record Territory(string MunicipalityCode, string CategoryCode, double Latitude, double Longitude)
{
    private static readonly (string Code, double Latitude, double Longitude)[] Cities =
    [
        ("016024", 45.6983, 9.6773), ("013075", 45.8081, 9.0852), ("020030", 45.1564, 10.7914),
        ("034027", 44.8015, 10.3279), ("039014", 44.4184, 12.2035), ("035033", 44.6983, 10.6312),
        ("028060", 45.4064, 11.8768), ("029041", 45.0703, 11.7900), ("023091", 45.4384, 10.9916),
        ("003106", 45.4469, 8.6220),
    ];

    private static readonly ConcurrentDictionary<string, int> Claimed = new();

    public static Territory Claim(string categoryCode)
    {
        var index = Claimed.AddOrUpdate(categoryCode, 0, (_, last) => last + 1);
        if (index >= Cities.Length)
        {
            throw new InvalidOperationException($"Every city's {categoryCode} matchmaker is already taken by another test.");
        }

        var city = Cities[index];
        return new Territory(city.Code, categoryCode, city.Latitude, city.Longitude);
    }

    public IMatchmakerGrain Matchmaker => ClusterFixture.Cluster.GrainFactory.GetGrain<IMatchmakerGrain>(IMatchmakerGrain.KeyFor(MunicipalityCode, CategoryCode));

    public static IDemandPoolGrain Pool(Guid poolId) => ClusterFixture.Cluster.GrainFactory.GetGrain<IDemandPoolGrain>(poolId);

    /// <summary>A request from a new family living this many metres north of the city centre.</summary>
    public PlaceRequestCommand Request(string schedule, double metresNorth = 0, IReadOnlyDictionary<string, string>? attributes = null) => new(
        Guid.CreateVersion7(),
        Guid.NewGuid(),
        MunicipalityCode,
        CategoryCode,
        Latitude + metresNorth / 111_195.08,
        Longitude,
        schedule,
        ItalianCalendar.DayOf(DateTimeOffset.UtcNow).AddDays(30),
        attributes ?? new Dictionary<string, string>(),
        null,
        DateTimeOffset.UtcNow);
}
