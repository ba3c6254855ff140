using Will.Marketplace.Domain.Common;
using Will.Marketplace.Domain.Providers;

namespace Will.Marketplace.Domain.Bidding;

/// <summary>A municipality's weights for one category, in percent; they add up to 100.</summary>
public sealed record AwardWeights(int Price, int Quality, int Outcomes)
{
    public static AwardWeights Default { get; } = new(40, 30, 30);

    public bool IsValid => Price >= 0 && Quality >= 0 && Outcomes >= 0 && Price + Quality + Outcomes == 100;
}

/// <summary>What the scoring knows about a bidder beyond its bid.</summary>
public sealed record BidderRecord(Accreditation Accreditation, int? AverageRatingTenths);

/// <summary>One bid's score, each part out of 10,000 points, kept for families, staff and audit.</summary>
public sealed record ScoredBid(Bid Bid, Money WeeklyCost, int PriceScore, int QualityScore, int OutcomeScore, int Total, int Rank);

/// <summary>
/// Most economically advantageous tender, in integer points so every run ranks the same way.
/// Price: the lowest weekly cost gets 10,000, others in proportion (lowest ÷ theirs). Quality: the
/// accreditation level (6,000 × level ÷ 3) plus past ratings (4,000 × average ÷ 5; a provider not
/// yet rated counts as 3 of 5). Outcomes: the share of the three indicators accepted (8,000) and
/// the continuity pledge (2,000). Total: the weighted sum. Ties, in order: higher outcome score,
/// higher quality score, lower weekly cost, earlier submission, then provider id.
/// </summary>
public static class TenderScoring
{
    public const int Full = 10_000;

    public static IReadOnlyList<ScoredBid> Rank(IReadOnlyList<Bid> bids, IReadOnlyDictionary<Guid, BidderRecord> bidders, AwardWeights weights, int weeklyMinutes, int weeklySessions)
    {
        if (!weights.IsValid)
        {
            throw new ArgumentException("Award weights must be non-negative and add up to 100.", nameof(weights));
        }

        if (bids.Count == 0)
        {
            return [];
        }

        var costs = bids.ToDictionary(b => b.Id, b => b.WeeklyCost(weeklyMinutes, weeklySessions));
        var lowest = costs.Values.Min().Cents;
        return bids
            .Select(bid =>
            {
                var cost = costs[bid.Id];
                var price = cost.Cents <= 0 ? Full : (int)(Full * lowest / cost.Cents);
                var quality = Quality(bidders[bid.ProviderId]);
                var outcomes = (8_000 * bid.OutcomeCommitments.Count(OutcomeIndicators.All.Contains) / OutcomeIndicators.All.Count) + (bid.ContinuityPledge ? 2_000 : 0);
                var total = ((weights.Price * price) + (weights.Quality * quality) + (weights.Outcomes * outcomes)) / 100;
                return new ScoredBid(bid, cost, price, quality, outcomes, total, 0);
            })
            .OrderByDescending(s => s.Total)
            .ThenByDescending(s => s.OutcomeScore)
            .ThenByDescending(s => s.QualityScore)
            .ThenBy(s => s.WeeklyCost.Cents)
            .ThenBy(s => s.Bid.SubmittedAt)
            .ThenBy(s => s.Bid.ProviderId)
            .Select((s, i) => s with { Rank = i + 1 })
            .ToList();
    }

    private static int Quality(BidderRecord bidder)
    {
        var level = Math.Clamp(bidder.Accreditation.Level, Accreditation.MinLevel, Accreditation.MaxLevel);
        var ratingTenths = Math.Clamp(bidder.AverageRatingTenths ?? 30, 0, 50);
        return (6_000 * level / Accreditation.MaxLevel) + (4_000 * ratingTenths / 50);
    }
}
