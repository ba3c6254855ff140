namespace Will.Marketplace.Domain.Bidding;

/// <summary>The award of a pool: the ranking of every valid bid at the deadline, the first wins.</summary>
public sealed record AwardDecision(AwardWeights Weights, IReadOnlyList<ScoredBid> Ranking, DateTimeOffset DecidedAt)
{
    public ScoredBid Winner => Ranking[0];
}
