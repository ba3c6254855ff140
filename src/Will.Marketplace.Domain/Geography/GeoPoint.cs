namespace Will.Marketplace.Domain.Geography;

/// <summary>A WGS84 position. Distances are great-circle (haversine), good to a few metres at city scale.</summary>
public readonly record struct GeoPoint(double Latitude, double Longitude)
{
    internal const double EarthRadiusMeters = 6_371_008.8;

    public static bool IsValid(double latitude, double longitude) =>
        double.IsFinite(latitude) && double.IsFinite(longitude) &&
        latitude is >= -90 and <= 90 && longitude is >= -180 and <= 180;

    public double DistanceMetersTo(GeoPoint other) => Haversine(this, Math.Cos(ToRadians(Latitude)), other);

    /// <summary>The great-circle distance, with the cosine of <paramref name="from"/>'s latitude given.</summary>
    internal static double Haversine(GeoPoint from, double cosFromLatitude, GeoPoint to)
    {
        var halfLat = Math.Sin(ToRadians(to.Latitude - from.Latitude) / 2);
        var halfLon = Math.Sin(ToRadians(to.Longitude - from.Longitude) / 2);
        var a = halfLat * halfLat + cosFromLatitude * Math.Cos(ToRadians(to.Latitude)) * halfLon * halfLon;
        return 2 * EarthRadiusMeters * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    /// <summary>
    /// Exactly <c>DistanceMetersTo(other) &lt;= meters</c>, cheaper (<see cref="GeoFrame.IsWithinMeters"/>);
    /// a caller testing many points around one point makes its <see cref="GeoFrame"/> once.
    /// </summary>
    public bool IsWithinMeters(GeoPoint other, double meters) => new GeoFrame(this).IsWithinMeters(other, meters);

    internal static double ToRadians(double degrees) => degrees * Math.PI / 180;
}

/// <summary>
/// A point with the east-west scale of its latitude worked out once, for testing many points around
/// it: matching asks whether dozens of homes lie within a radius of one home per decision, and a
/// cosine per test was a tenth of a decision's time.
/// </summary>
public readonly struct GeoFrame
{
    private const double FlatMapRadians = 0.002;
    private const double FlatMapMaxLatitude = 70;
    private const double FlatMapMargin = 0.01;

    private readonly double _eastScale;
    private readonly bool _flatMap;

    public GeoFrame(GeoPoint centre)
    {
        Centre = centre;
        _eastScale = Math.Cos(GeoPoint.ToRadians(centre.Latitude));
        _flatMap = Math.Abs(centre.Latitude) < FlatMapMaxLatitude;
    }

    public GeoPoint Centre { get; }

    /// <summary>
    /// Exactly <c>Centre.DistanceMetersTo(other) &lt;= meters</c>, cheaper. Nearby points (within about
    /// 12 km, below 70° of latitude) are first measured on a flat map scaled east-west at the centre's
    /// latitude, which errs there by under 0.3 %; only a distance within 1 % of <paramref name="meters"/>
    /// is then measured exactly.
    /// </summary>
    public bool IsWithinMeters(GeoPoint other, double meters)
    {
        var dLat = GeoPoint.ToRadians(other.Latitude - Centre.Latitude);
        if (Math.Abs(dLat) * GeoPoint.EarthRadiusMeters > meters * (1 + FlatMapMargin))
        {
            // No path between two points is shorter than the difference of their latitudes: no trigonometry needed.
            // With a margin: along a meridian the two are equal, and the haversine's rounding can fall an ulp
            // below the product, so a limit of exactly the distance was refused now and then.
            return false;
        }

        var dLon = GeoPoint.ToRadians(other.Longitude - Centre.Longitude);
        if (_flatMap && Math.Abs(dLat) < FlatMapRadians && Math.Abs(dLon) < 2 * FlatMapRadians)
        {
            var east = dLon * _eastScale;
            var flat = GeoPoint.EarthRadiusMeters * Math.Sqrt(east * east + dLat * dLat);
            if (flat < meters * (1 - FlatMapMargin))
            {
                return true;
            }

            if (flat > meters * (1 + FlatMapMargin))
            {
                return false;
            }
        }

        return DistanceMetersTo(other) <= meters;
    }

    /// <summary>Exactly <c>Centre.DistanceMetersTo(other)</c>, with the centre's cosine worked out once.</summary>
    public double DistanceMetersTo(GeoPoint other) => GeoPoint.Haversine(Centre, _eastScale, other);
}
