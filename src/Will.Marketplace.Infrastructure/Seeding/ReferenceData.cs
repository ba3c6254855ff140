using Will.Marketplace.Domain.Catalog;
using Will.Marketplace.Infrastructure.Persistence.Entities;
using Will.Marketplace.Infrastructure.Stores;

namespace Will.Marketplace.Infrastructure.Seeding;

/// <summary>The ten WILL cities and the network's service categories, present on every database.</summary>
public static class ReferenceData
{
    public static IReadOnlyList<MunicipalityRecord> Municipalities { get; } =
    [
        City("016024", "Bergamo", "Lombardia", 45.6983, 9.6773),
        City("013075", "Como", "Lombardia", 45.8081, 9.0852),
        City("020030", "Mantova", "Lombardia", 45.1564, 10.7914),
        City("034027", "Parma", "Emilia-Romagna", 44.8015, 10.3279),
        City("039014", "Ravenna", "Emilia-Romagna", 44.4184, 12.2035),
        City("035033", "Reggio Emilia", "Emilia-Romagna", 44.6983, 10.6312),
        City("028060", "Padova", "Veneto", 45.4064, 11.8768),
        City("029041", "Rovigo", "Veneto", 45.0703, 11.7900),
        City("023091", "Verona", "Veneto", 45.4384, 10.9916),
        City("003106", "Novara", "Piemonte", 45.4469, 8.6220),
    ];

    public static IReadOnlyList<CategoryRecord> Categories { get; } =
    [
        new() { Code = "home-care-elderly", PoolingMode = "shared-worker", RadiusMeters = 3000, Capacity = 6, Quorum = 3, BiddingWindowHours = 72, TravelBufferMinutes = 30, MaxWeeklyMinutes = 38 * 60, MatchedAttributes = "language", ReferencePricePerHourCents = 2200 },
        new() { Code = "home-help", PoolingMode = "shared-worker", RadiusMeters = 3000, Capacity = 6, Quorum = 3, BiddingWindowHours = 72, TravelBufferMinutes = 30, MaxWeeklyMinutes = 38 * 60, ReferencePricePerHourCents = 1800 },
        new() { Code = "after-school", PoolingMode = "group", RadiusMeters = 2500, Capacity = 10, Quorum = 4, BiddingWindowHours = 72, MinSharedMinutesPerWeek = 240, MatchedAttributes = "ageBand", ReferencePricePerHourCents = 2400 },
        new() { Code = "nanny-share", PoolingMode = "group", RadiusMeters = 1500, Capacity = 3, Quorum = 2, BiddingWindowHours = 48, MinSharedMinutesPerWeek = 480, MatchedAttributes = "ageBand,language", ReferencePricePerHourCents = 1600 },
        new() { Code = "elderly-day-activities", PoolingMode = "group", RadiusMeters = 5000, Capacity = 12, Quorum = 5, BiddingWindowHours = 96, MinSharedMinutesPerWeek = 180, MatchedAttributes = "accessibility", ReferencePricePerHourCents = 2600 },
        new() { Code = "escort-transport", PoolingMode = "shared-worker", RadiusMeters = 8000, Capacity = 8, Quorum = 3, BiddingWindowHours = 72, TravelBufferMinutes = 20, MaxWeeklyMinutes = 38 * 60, MatchedAttributes = "accessibility", ReferencePricePerHourCents = 2000 },
    ];

    /// <summary>The network's categories with their default settings, as the matching rules see them.</summary>
    public static IReadOnlyList<ServiceCategory> CategorySettings { get; } = [.. Categories.Select(c => EfCategoryCatalog.ToDomain(c))];

    /// <summary>The demo domain of a city's accounts: "Reggio Emilia" → "reggioemilia.demo".</summary>
    public static string DemoDomain(MunicipalityRecord city) => city.Name.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant() + ".demo";

    private static MunicipalityRecord City(string code, string name, string region, double latitude, double longitude) =>
        new() { Code = code, Name = name, Region = region, Latitude = latitude, Longitude = longitude };
}
