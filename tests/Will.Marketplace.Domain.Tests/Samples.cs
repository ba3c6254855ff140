using Will.Marketplace.Domain.Catalog;
using Will.Marketplace.Domain.Geography;
using Will.Marketplace.Domain.Pools;
using Will.Marketplace.Domain.Scheduling;

namespace Will.Marketplace.Domain.Tests;

/// <summary>Categories shaped like the seeded reference data, and members placed around Bergamo's centre.</summary>
internal static class Samples
{
    /// <summary>Metres in one degree of latitude on the sphere GeoPoint uses.</summary>
    public const double MetresPerDegreeLatitude = 111_195.08;

    public static readonly DateTimeOffset Now = new(2030, 1, 7, 9, 0, 0, TimeSpan.Zero);

    public static readonly GeoPoint Bergamo = new(45.6983, 9.6773);

    public static ServiceCategory NannyShare { get; } = new("nanny-share", PoolingMode.Group, 1500, 3, 2, TimeSpan.FromHours(48))
    {
        MinSharedMinutesPerWeek = 480,
        MatchedAttributes = new HashSet<string> { "ageBand", "language" },
    };

    public static ServiceCategory AfterSchool { get; } = new("after-school", PoolingMode.Group, 2500, 10, 4, TimeSpan.FromHours(72))
    {
        MinSharedMinutesPerWeek = 240,
        MatchedAttributes = new HashSet<string> { "ageBand" },
    };

    public static ServiceCategory HomeCare { get; } = new("home-care-elderly", PoolingMode.SharedWorker, 3000, 6, 3, TimeSpan.FromHours(72))
    {
        TravelBufferMinutes = 30,
        MaxWeeklyMinutes = 38 * 60,
        MatchedAttributes = new HashSet<string> { "language" },
    };

    /// <summary>A point this many metres north and east of Bergamo's centre.</summary>
    public static GeoPoint Near(double metresNorth, double metresEast = 0) => new(
        Bergamo.Latitude + metresNorth / MetresPerDegreeLatitude,
        Bergamo.Longitude + metresEast / (MetresPerDegreeLatitude * Math.Cos(Bergamo.Latitude * Math.PI / 180)));

    public static PoolMember Member(string schedule, double metresNorth = 0, IReadOnlyDictionary<string, string>? attributes = null) =>
        Member(Guid.NewGuid(), WeeklySchedule.Parse(schedule), Near(metresNorth), attributes);

    public static PoolMember Member(Guid requestId, WeeklySchedule schedule, GeoPoint location, IReadOnlyDictionary<string, string>? attributes = null) =>
        new(requestId, Guid.NewGuid(), location, schedule, attributes ?? new Dictionary<string, string>(), Now);

    public static DemandPool Pool(ServiceCategory category, params PoolMember[] members)
    {
        var pool = DemandPool.Start(Guid.NewGuid(), "016024", category, members[0], Now);
        foreach (var member in members.Skip(1))
        {
            var verdict = pool.Join(category, member, Now);
            if (verdict != Incompatibility.None)
            {
                throw new InvalidOperationException($"Sample pool refused a member: {verdict}.");
            }
        }

        return pool;
    }
}
