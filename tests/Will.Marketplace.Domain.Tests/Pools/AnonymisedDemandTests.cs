using Will.Marketplace.Domain.Geography;
using Will.Marketplace.Domain.Pools;

namespace Will.Marketplace.Domain.Tests.Pools;

public sealed class AnonymisedDemandTests
{
    private static readonly GeoPoint Centre = new(45.6983, 9.6773);
    private static readonly HashSet<string> Matched = ["ageBand", "language"];

    private static (GeoPoint, IReadOnlyDictionary<string, string>) At(double lat, double lon, params (string Key, string Value)[] attributes) =>
        (new GeoPoint(lat, lon), attributes.ToDictionary(a => a.Key, a => a.Value));

    [Test]
    public void Of_WhenThePoolIsBelowTheMinimumSize_ShowsOnlyTheMunicipalityAndNoAttributes()
    {
        var demand = AnonymisedDemand.Of([At(45.70123, 9.68456, ("ageBand", "6-10")), At(45.70234, 9.68567, ("ageBand", "6-10"))], Matched, Centre);

        Assert.That(demand.Zone, Is.EqualTo(Centre));
        Assert.That(demand.ZonePrecisionMeters, Is.GreaterThanOrEqualTo(10_000));
        Assert.That(demand.Attributes, Is.Empty);
    }

    [Test]
    public void Of_WhenThePoolIsLargeEnough_ShowsAKilometreCellAndOnlyAttributesAllMembersShare()
    {
        var demand = AnonymisedDemand.Of(
        [
            At(45.70123, 9.68456, ("ageBand", "6-10"), ("language", "it")),
            At(45.70234, 9.68567, ("ageBand", "6-10"), ("language", "en")),
            At(45.70345, 9.68678, ("ageBand", "6-10"), ("language", "it"), ("health", "diabetes")),
        ], Matched, Centre);

        Assert.That(demand.Zone, Is.EqualTo(new GeoPoint(45.70, 9.69)));
        Assert.That(demand.ZonePrecisionMeters, Is.EqualTo(AnonymisedDemand.ZoneCellMeters));
        Assert.That(demand.Attributes, Is.EqualTo(new Dictionary<string, string> { ["ageBand"] = "6-10" }));
    }

    [Test]
    public void Of_WhenOneMemberLeftAnAttributeUnset_DoesNotShowIt()
    {
        var demand = AnonymisedDemand.Of([At(45.7, 9.68, ("ageBand", "3-5")), At(45.7, 9.68, ("ageBand", "3-5")), At(45.7, 9.68)], Matched, Centre);

        Assert.That(demand.Attributes, Is.Empty);
    }
}
