namespace Will.Marketplace.Abstractions.Matching;

/// <summary>A validated request on its way to be placed in a pool.</summary>
[GenerateSerializer, Immutable, Alias("Will.PlaceRequestCommand")]
public sealed record PlaceRequestCommand(
    [property: Id(0)] Guid RequestId,
    [property: Id(1)] Guid FamilyId,
    [property: Id(2)] string MunicipalityCode,
    [property: Id(3)] string CategoryCode,
    [property: Id(4)] double Latitude,
    [property: Id(5)] double Longitude,
    [property: Id(6)] string Schedule,
    [property: Id(7)] DateOnly StartDate,
    [property: Id(8)] IReadOnlyDictionary<string, string> Attributes,
    [property: Id(9)] long? MaxPricePerHourCents,
    [property: Id(10)] DateTimeOffset CreatedAt);
