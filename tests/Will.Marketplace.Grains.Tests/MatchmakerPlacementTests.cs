namespace Will.Marketplace.Grains.Tests;

/// <summary>After-school groups: 2.5 km radius, 240 shared minutes a week, quorum 4.</summary>
public sealed class MatchmakerPlacementTests
{
    private const string Afternoons = "mon 14:00-18:00;wed 14:00-18:00;fri 14:00-18:00";

    [Test]
    public async Task Place_WhenTheFirstRequestArrives_StartsANewFormingPool()
    {
        var territory = Territory.Claim("after-school");
        var request = territory.Request(Afternoons);

        var outcome = await territory.Matchmaker.Place(request);

        Assert.That(outcome.StartedNewPool, Is.True);
        Assert.That(outcome.RequestId, Is.EqualTo(request.RequestId));
        Assert.That(outcome.Pool.Status, Is.EqualTo("forming"));
        Assert.That(outcome.Pool.MemberFamilyIds, Is.EqualTo(new[] { request.FamilyId }));
    }

    [Test]
    public async Task Place_WhenASecondRequestIsCompatible_JoinsTheSamePool()
    {
        var territory = Territory.Claim("after-school");
        var first = await territory.Matchmaker.Place(territory.Request(Afternoons));

        var second = await territory.Matchmaker.Place(territory.Request("mon 15:00-18:00;wed 15:00-18:00", metresNorth: 1_000));

        Assert.That(second.StartedNewPool, Is.False);
        Assert.That(second.Pool.Id, Is.EqualTo(first.Pool.Id));
        Assert.That(second.Pool.MemberCount, Is.EqualTo(2));
        Assert.That(second.Pool.ScheduleEnvelope, Is.EqualTo("mon 15:00-18:00;wed 15:00-18:00"));
    }

    [Test]
    public async Task Place_WhenARequestSharesTooLittleTime_StartsAnotherPool()
    {
        var territory = Territory.Claim("after-school");
        var first = await territory.Matchmaker.Place(territory.Request(Afternoons));

        var mornings = await territory.Matchmaker.Place(territory.Request("tue 08:00-12:00;thu 08:00-12:00"));

        Assert.That(mornings.StartedNewPool, Is.True);
        Assert.That(mornings.Pool.Id, Is.Not.EqualTo(first.Pool.Id));
    }

    [Test]
    public async Task Place_WhenARequestIsFartherThanTheRadius_StartsAnotherPool()
    {
        var territory = Territory.Claim("after-school");
        var first = await territory.Matchmaker.Place(territory.Request(Afternoons));

        var farAway = await territory.Matchmaker.Place(territory.Request(Afternoons, metresNorth: 3_000));

        Assert.That(farAway.StartedNewPool, Is.True);
        Assert.That(farAway.Pool.Id, Is.Not.EqualTo(first.Pool.Id));
    }
}
