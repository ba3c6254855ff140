using CsCheck;
using Will.Marketplace.Domain.Bidding;
using Will.Marketplace.Domain.Common;
using Will.Marketplace.Domain.Providers;

namespace Will.Marketplace.Domain.Tests.Bidding;

/// <summary>A pool of 8 hours a week in 4 sessions.</summary>
public sealed class TenderScoringTests
{
    private const int WeeklyMinutes = 480, WeeklySessions = 4;
    private static readonly DateTimeOffset At = Samples.Now;

    private static (Bid Bid, BidderRecord Bidder) Bidder(long cents, int level = 2, int? rating = null, bool pledge = false, int minutesLater = 0, PriceUnit unit = PriceUnit.PerHour, params string[] commitments)
    {
        var provider = Guid.NewGuid();
        var bid = new Bid(Guid.NewGuid(), Guid.Empty, provider, Money.FromCents(cents), unit, commitments.ToHashSet(), pledge, At.AddMinutes(minutesLater));
        return (bid, new BidderRecord(new Accreditation(provider, "016024", "after-school", level, new DateOnly(2031, 1, 1), null), rating));
    }

    private static IReadOnlyList<ScoredBid> Rank(AwardWeights weights, params (Bid Bid, BidderRecord Bidder)[] entries) =>
        TenderScoring.Rank([.. entries.Select(e => e.Bid)], entries.ToDictionary(e => e.Bid.ProviderId, e => e.Bidder), weights, WeeklyMinutes, WeeklySessions);

    [Test]
    public void Rank_OnPriceAlone_GivesTheCheapestFullMarksAndOthersInProportion()
    {
        var cheap = Bidder(2_000);
        var dear = Bidder(2_500);

        var ranked = Rank(new AwardWeights(100, 0, 0), dear, cheap);

        Assert.That(ranked.Select(r => r.Bid.Id), Is.EqualTo(new[] { cheap.Bid.Id, dear.Bid.Id }));
        Assert.That(ranked[0].PriceScore, Is.EqualTo(10_000));
        Assert.That(ranked[1].PriceScore, Is.EqualTo(8_000));
        Assert.That(ranked[0].WeeklyCost, Is.EqualTo(Money.FromCents(16_000)));
    }

    [Test]
    public void Rank_APerSessionPrice_IsComparedOnTheWeeklyCost()
    {
        var perHour = Bidder(2_000);
        var perSession = Bidder(3_500, unit: PriceUnit.PerSession);

        var ranked = Rank(new AwardWeights(100, 0, 0), perHour, perSession);

        Assert.That(ranked[0].Bid.Id, Is.EqualTo(perSession.Bid.Id), "4 sessions at €35 (€140) beat 8 hours at €20 (€160)");
        Assert.That(ranked[0].WeeklyCost, Is.EqualTo(Money.FromCents(14_000)));
    }

    [Test]
    public void Rank_WithOutcomesWeighted_LetsACommittedDearerBidWin()
    {
        var cheapNoCommitments = Bidder(2_000);
        var committed = Bidder(2_200, pledge: true, commitments: [.. OutcomeIndicators.All]);

        var ranked = Rank(AwardWeights.Default, cheapNoCommitments, committed);

        Assert.That(ranked[0].Bid.Id, Is.EqualTo(committed.Bid.Id));
        Assert.That(ranked[0].OutcomeScore, Is.EqualTo(10_000));
        Assert.That(ranked[1].OutcomeScore, Is.Zero);
    }

    [Test]
    public void Rank_QualityCountsLevelAndRatingsAndANewcomerAsThreeOfFive()
    {
        var excellent = Bidder(2_000, level: 3, rating: 50);
        var newcomer = Bidder(2_000, level: 1);

        var ranked = Rank(new AwardWeights(0, 100, 0), newcomer, excellent);

        Assert.That(ranked[0].QualityScore, Is.EqualTo(10_000));
        Assert.That(ranked[1].QualityScore, Is.EqualTo(2_000 + 2_400));
    }

    [Test]
    public void Rank_WhenTotalsTie_PrefersOutcomesThenQualityThenPriceThenTheEarlierBid()
    {
        var later = Bidder(2_000, minutesLater: 10);
        var earlier = Bidder(2_000, minutesLater: 5);
        var moreOutcomes = Bidder(2_000, minutesLater: 20, commitments: OutcomeIndicators.Attendance);

        var byPriceOnly = Rank(new AwardWeights(100, 0, 0), later, moreOutcomes, earlier);

        Assert.That(byPriceOnly.Select(r => r.Total).Distinct().Count(), Is.EqualTo(1), "all three tie on the total");
        Assert.That(byPriceOnly.Select(r => r.Bid.Id), Is.EqualTo(new[] { moreOutcomes.Bid.Id, earlier.Bid.Id, later.Bid.Id }));
        Assert.That(byPriceOnly.Select(r => r.Rank), Is.EqualTo(new[] { 1, 2, 3 }));
    }

    [Test]
    public void Rank_WithWeightsNotAddingUpTo100_Throws() =>
        Assert.That(() => Rank(new AwardWeights(50, 30, 30), Bidder(2_000)), Throws.ArgumentException);

    [Test]
    public void Rank_WhateverTheOrderBidsArrive_RanksThemTheSameWay()
    {
        var gen = Gen.Select(Gen.Long[500, 5_000], Gen.Int[1, 3], Gen.Int[0, 50], Gen.Bool, Gen.Int[0, 600])
            .Select((cents, level, rating, pledge, minutes) => Bidder(cents, level, rating, pledge, minutes))
            .Array[1, 8];

        gen.Sample(entries =>
        {
            var forwards = Rank(AwardWeights.Default, entries).Select(r => r.Bid.Id);
            var backwards = Rank(AwardWeights.Default, [.. entries.Reverse()]).Select(r => r.Bid.Id);
            return forwards.SequenceEqual(backwards);
        }, iter: 300);
    }
}
