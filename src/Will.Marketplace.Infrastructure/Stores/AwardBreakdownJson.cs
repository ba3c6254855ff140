using System.Text.Json;
using Will.Marketplace.Domain.Bidding;

namespace Will.Marketplace.Infrastructure.Stores;

/// <summary>The award's score breakdown as stored and shown: weights, then every bid in rank order.</summary>
public static class AwardBreakdownJson
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public sealed record Entry(int Rank, Guid BidId, Guid ProviderId, long WeeklyCostCents, int PriceScore, int QualityScore, int OutcomeScore, int Total);

    public sealed record Breakdown(int PriceWeight, int QualityWeight, int OutcomesWeight, IReadOnlyList<Entry> Bids);

    public static string Write(AwardDecision award) => JsonSerializer.Serialize(
        new Breakdown(award.Weights.Price, award.Weights.Quality, award.Weights.Outcomes, [.. award.Ranking.Select(s =>
            new Entry(s.Rank, s.Bid.Id, s.Bid.ProviderId, s.WeeklyCost.Cents, s.PriceScore, s.QualityScore, s.OutcomeScore, s.Total))]),
        Json);

    public static Breakdown Read(string json) => JsonSerializer.Deserialize<Breakdown>(json, Json)
        ?? throw new InvalidDataException("An award breakdown is empty.");
}
