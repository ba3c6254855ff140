using Will.Marketplace.Domain.Geography;

namespace Will.Marketplace.Domain.Pools;

/// <summary>
/// What anyone but a pool's own members may learn of its demand: a zone instead of addresses, and
/// only the attributes that all members share. Small pools would identify people, so below
/// <see cref="MinimumMembersForDetail"/> members the zone is the whole municipality and no attribute shows.
/// </summary>
public sealed record AnonymisedDemand(GeoPoint Zone, int ZonePrecisionMeters, IReadOnlyDictionary<string, string> Attributes)
{
    public const int MinimumMembersForDetail = 3;

    /// <summary>Zones are the ~1 km cells of a 0.01° grid.</summary>
    public const int ZoneCellMeters = 1_000;

    public static AnonymisedDemand Of(
        IReadOnlyList<(GeoPoint Location, IReadOnlyDictionary<string, string> Attributes)> members,
        IReadOnlySet<string> matchedAttributes,
        GeoPoint municipalityCentre,
        int municipalityRadiusMeters = 10_000)
    {
        if (members.Count < MinimumMembersForDetail)
        {
            return new AnonymisedDemand(municipalityCentre, municipalityRadiusMeters, new Dictionary<string, string>());
        }

        var centroid = new GeoPoint(
            Math.Round(members.Average(m => m.Location.Latitude), 2),
            Math.Round(members.Average(m => m.Location.Longitude), 2));
        var shared = new Dictionary<string, string>();
        foreach (var key in matchedAttributes.Order(StringComparer.Ordinal))
        {
            var values = members.Select(m => m.Attributes.GetValueOrDefault(key)).ToList();
            if (values.All(v => v is not null) && values.Distinct(StringComparer.OrdinalIgnoreCase).Count() == 1)
            {
                shared[key] = values[0]!;
            }
        }

        return new AnonymisedDemand(centroid, ZoneCellMeters, shared);
    }
}
