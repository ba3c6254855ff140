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

/// <summary>The matchmakers' meter (<see cref="Matching.MatchingMetrics"/>): what operators watch of matching.</summary>
[NonParallelizable]
public sealed class MatchingMetricsTests
{
    [Test]
    public async Task Place_CountsEachPlacementByOutcomeAndTimesItsDecision()
    {
        var territory = Territory.Claim("nanny-share");
        var placements = new List<(long Value, Dictionary<string, object?> Tags)>();
        var decisions = new List<(double Seconds, Dictionary<string, object?> Tags)>();
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == Matching.MatchingMetrics.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            lock (placements)
            {
                placements.Add((value, Tags(tags)));
            }
        });
        listener.SetMeasurementEventCallback<double>((_, value, tags, _) =>
        {
            lock (decisions)
            {
                decisions.Add((value, Tags(tags)));
            }
        });
        listener.Start();

        await territory.Matchmaker.Place(territory.Request("mon 08:00-13:00;tue 08:00-13:00"));
        await territory.Matchmaker.Place(territory.Request("mon 08:00-13:00;tue 08:00-13:00", metresNorth: 300));

        Assert.That(placements.Select(p => (p.Value, p.Tags[Matching.MatchingMetrics.CategoryTag], p.Tags[Matching.MatchingMetrics.OutcomeTag])),
            Is.EqualTo(new[] { (1L, (object?)"nanny-share", (object?)"started"), (1L, "nanny-share", "joined") }));
        Assert.That(decisions, Has.Count.EqualTo(2));
        Assert.That(decisions.Select(d => d.Seconds), Is.All.GreaterThan(0).And.All.LessThan(1), "seconds, as OpenTelemetry's conventions want durations");
        Assert.That(decisions.Select(d => d.Tags[Matching.MatchingMetrics.CategoryTag]), Is.All.EqualTo("nanny-share"));
    }

    private static Dictionary<string, object?> Tags(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var found = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            found[tag.Key] = tag.Value;
        }

        return found;
    }
}
