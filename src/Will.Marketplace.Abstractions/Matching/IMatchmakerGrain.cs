namespace Will.Marketplace.Abstractions.Matching;

/// <summary>One per municipality × category (key "016024/after-school"): places requests in pools.</summary>
[Alias("Will.IMatchmakerGrain")]
public interface IMatchmakerGrain : IGrainWithStringKey
{
    [Alias("Place")]
    Task<PlacementOutcome> Place(PlaceRequestCommand command);

    public static string KeyFor(string municipalityCode, string categoryCode) => $"{municipalityCode}/{categoryCode}";
}
