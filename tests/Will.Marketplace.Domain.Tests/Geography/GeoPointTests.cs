using Will.Marketplace.Domain.Geography;

namespace Will.Marketplace.Domain.Tests.Geography;

public sealed class GeoPointTests
{
    private static readonly GeoPoint Bergamo = new(45.6983, 9.6773);
    private static readonly GeoPoint Como = new(45.8081, 9.0852);

    [Test]
    public void DistanceMetersTo_WhenFromBergamoToComo_IsAbout47AndAHalfKilometres()
    {
        var metres = Bergamo.DistanceMetersTo(Como);

        Assert.That(metres, Is.EqualTo(47_500).Within(1_000));
    }

    [Test]
    public void DistanceMetersTo_WhenBothPointsAreTheSame_IsZero()
    {
        var metres = Bergamo.DistanceMetersTo(new GeoPoint(45.6983, 9.6773));

        Assert.That(metres, Is.Zero);
    }

    [Test]
    public void DistanceMetersTo_WhenMeasuredBackwards_IsTheSame()
    {
        var there = Bergamo.DistanceMetersTo(Como);
        var back = Como.DistanceMetersTo(Bergamo);

        Assert.That(back, Is.EqualTo(there).Within(1e-6));
    }

    [Test]
    public void DistanceMetersTo_WhenOneThousandthOfADegreeNorth_IsAbout111Metres()
    {
        var metres = Bergamo.DistanceMetersTo(Bergamo with { Latitude = Bergamo.Latitude + 0.001 });

        Assert.That(metres, Is.EqualTo(111.2).Within(0.1));
    }

    [TestCase(45.7, 9.7, true)]
    [TestCase(90, 180, true)]
    [TestCase(90.01, 9.7, false)]
    [TestCase(45.7, -180.5, false)]
    [TestCase(double.NaN, 9.7, false)]
    public void IsValid_WhenGivenCoordinates_AcceptsOnlyThoseOnTheGlobe(double latitude, double longitude, bool expected)
    {
        var valid = GeoPoint.IsValid(latitude, longitude);

        Assert.That(valid, Is.EqualTo(expected));
    }
}
