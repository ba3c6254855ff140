using Orleans.Core.Internal;
using Will.Marketplace.Domain.Common;
using Will.Marketplace.Domain.Geography;
using Will.Marketplace.Domain.Pools;
using Will.Marketplace.Domain.Requests;
using Will.Marketplace.Domain.Scheduling;

namespace Will.Marketplace.Grains.Tests;

/// <summary>
/// A pool grain holds no state of its own: a new activation is the database's pool. Only the pool
/// grain is deactivated (its management extension), not the whole silo's idle grains, which would
/// also drop the push registry that other tests rely on.
/// </summary>
public sealed class ReactivationTests
{
    private const string Visits = "mon 09:00-11:00";

    [Test]
    public async Task GetSnapshot_WhenThePoolGrainWasDeactivated_ReloadsTheSameMembers()
    {
        var territory = Territory.Claim("home-help");
        var placed = await territory.Matchmaker.Place(territory.Request(Visits));
        await territory.Matchmaker.Place(territory.Request("wed 09:00-11:00", metresNorth: 300));
        var pool = Territory.Pool(placed.Pool.Id);
        var before = await pool.GetSnapshot();

        await pool.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        var after = await pool.GetSnapshot();

        Assert.That(after, Is.Not.Null);
        Assert.That(after!.MemberFamilyIds, Is.EqualTo(before!.MemberFamilyIds));
        Assert.That(after.MemberCount, Is.EqualTo(2));
        Assert.That(after.Version, Is.EqualTo(before.Version));
        Assert.That(after.Status, Is.EqualTo(before.Status));
        Assert.That(after.ScheduleEnvelope, Is.EqualTo(before.ScheduleEnvelope));
    }

    [Test]
    public async Task GetSnapshot_WhenTheDatabaseChangedWhileDeactivated_ShowsTheDatabasesPool()
    {
        var territory = Territory.Claim("home-help");
        var placed = await territory.Matchmaker.Place(territory.Request(Visits));
        var pool = Territory.Pool(placed.Pool.Id);

        await pool.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        var joinedMeanwhile = await JoinThroughTheStore(territory, placed.Pool.Id, "fri 09:00-11:00");
        var after = await pool.GetSnapshot();

        Assert.That(after!.MemberFamilyIds, Is.EqualTo(new[] { placed.Pool.MemberFamilyIds[0], joinedMeanwhile.FamilyId }));
        Assert.That(after.Version, Is.EqualTo(placed.Pool.Version + 1));
    }

    [Test]
    public async Task Join_WhenThePoolGrainWasDeactivated_CarriesOnFromTheSavedVersion()
    {
        var territory = Territory.Claim("home-help");
        var placed = await territory.Matchmaker.Place(territory.Request(Visits));
        var pool = Territory.Pool(placed.Pool.Id);
        await pool.Cast<IGrainManagementExtension>().DeactivateOnIdle();

        var joined = await pool.Join(territory.Request("tue 09:00-11:00", metresNorth: 300));
        var saved = await ClusterFixture.Store.FindAsync(placed.Pool.Id);

        Assert.That(joined.Joined, Is.True);
        Assert.That(joined.Pool!.MemberCount, Is.EqualTo(2));
        Assert.That(saved!.Members, Has.Count.EqualTo(2));
        Assert.That(saved.Version, Is.EqualTo(joined.Pool.Version));
    }

    /// <summary>Another writer (another silo, staff tooling) adds a member straight through the store.</summary>
    private static async Task<CareRequest> JoinThroughTheStore(Territory territory, Guid poolId, string schedule)
    {
        var category = (await ClusterFixture.Catalog.FindAsync(territory.MunicipalityCode, territory.CategoryCode))!;
        var pool = (await ClusterFixture.Store.FindAsync(poolId))!;
        var request = new CareRequest(
            Guid.CreateVersion7(), Guid.NewGuid(), territory.MunicipalityCode, territory.CategoryCode, new GeoPoint(territory.Latitude, territory.Longitude),
            WeeklySchedule.Parse(schedule), ItalianCalendar.DayOf(DateTimeOffset.UtcNow).AddDays(30), new Dictionary<string, string>(), null, DateTimeOffset.UtcNow);
        if (pool.Join(category, PoolMember.From(request, DateTimeOffset.UtcNow), DateTimeOffset.UtcNow) != Incompatibility.None)
        {
            throw new InvalidOperationException("The sample request does not fit the pool.");
        }

        await ClusterFixture.Store.SaveAsync(pool, request);
        return request;
    }
}
