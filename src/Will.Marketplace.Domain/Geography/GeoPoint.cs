namespace Will.Marketplace.Domain.Geography;

/// <summary>A WGS84 position. Distances are great-circle (haversine), good to a few metres at city scale.</summary>
public readonly record struct GeoPoint(double Latitude, double Longitude)
{
    private const double EarthRadiusMeters = 6_371_008.8;

    public static bool IsValid(double latitude, double longitude) =>
        double.IsFinite(latitude) && double.IsFinite(longitude) &&
        latitude is >= -90 and <= 90 && longitude is >= -180 and <= 180;

    public double DistanceMetersTo(GeoPoint other)
    {
        var dLat = ToRadians(other.Latitude - Latitude);
        var dLon = ToRadians(other.Longitude - Longitude);
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2) +
                Math.Cos(ToRadians(Latitude)) * Math.Cos(ToRadians(other.Latitude)) *
                Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * EarthRadiusMeters * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    /// <summary>
    /// Exactly <c>DistanceMetersTo(other) &lt;= meters</c>, cheaper: matching asks it of every pool and
    /// member a request could join. Nearby points (within about 12 km, below 70° of latitude) are first
    /// measured on a flat map, which errs by far less than 1 % there; only a distance within 1 % of
    /// <paramref name="meters"/> is then measured exactly.
    /// </summary>
    public bool IsWithinMeters(GeoPoint other, double meters)
    {
        var dLat = ToRadians(other.Latitude - Latitude);
        if (Math.Abs(dLat) * EarthRadiusMeters > meters)
        {
            // No path between two points is shorter than the difference of their latitudes: no trigonometry needed.
            return false;
        }

        var dLon = ToRadians(other.Longitude - Longitude);
        if (Math.Abs(dLat) < FlatMapRadians && Math.Abs(dLon) < 2 * FlatMapRadians && Math.Abs(Latitude) < FlatMapMaxLatitude)
        {
            var east = dLon * Math.Cos(ToRadians((Latitude + other.Latitude) / 2));
            var flat = EarthRadiusMeters * Math.Sqrt(east * east + dLat * dLat);
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

    private const double FlatMapRadians = 0.002;
    private const double FlatMapMaxLatitude = 70;
    private const double FlatMapMargin = 0.01;

    private static double ToRadians(double degrees) => degrees * Math.PI / 180;
}
