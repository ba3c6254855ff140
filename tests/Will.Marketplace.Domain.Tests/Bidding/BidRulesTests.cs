using Will.Marketplace.Domain.Bidding;
using Will.Marketplace.Domain.Common;
using Will.Marketplace.Domain.Pools;
using Will.Marketplace.Domain.Providers;

namespace Will.Marketplace.Domain.Tests.Bidding;

public sealed class BidRulesTests
{
    private static readonly DateTimeOffset Now = Samples.Now;
    private static readonly Guid Provider = Guid.NewGuid();
    private static readonly BiddingWindow Open = new(PoolStatus.OpenForBids, Now.AddHours(1), 4, "016024", "after-school");
    private static readonly Accreditation Accredited = new(Provider, "016024", "after-school", 2, ItalianCalendar.DayOf(Now).AddMonths(6), null);

    private static Bid ABid(long cents = 2_000, params string[] commitments) =>
        new(Guid.NewGuid(), Guid.NewGuid(), Provider, Money.FromCents(cents), PriceUnit.PerHour, commitments.ToHashSet(), false, Now);

    [Test]
    public void CheckSubmission_WhenEverythingHolds_AcceptsTheBid() =>
        Assert.That(BidRules.CheckSubmission(Open, ABid(2_000, OutcomeIndicators.Attendance), Accredited, 10, alreadyBid: false, Now), Is.EqualTo(BidRefusal.None));

    [Test]
    public void CheckSubmission_AtTheDeadlineInstant_IsLate() =>
        Assert.That(BidRules.CheckSubmission(Open, ABid(), Accredited, 10, false, Open.ClosesAt!.Value), Is.EqualTo(BidRefusal.Late));

    [Test]
    public void CheckSubmission_OnAPoolStillForming_IsRefused() =>
        Assert.That(BidRules.CheckSubmission(Open with { Status = PoolStatus.Forming, ClosesAt = null }, ABid(), Accredited, 10, false, Now), Is.EqualTo(BidRefusal.PoolNotOpen));

    [Test]
    public void CheckSubmission_WithoutAccreditationForThatCategory_IsRefused() =>
        Assert.That(BidRules.CheckSubmission(Open, ABid(), Accredited with { CategoryCode = "home-help" }, 10, false, Now), Is.EqualTo(BidRefusal.NotAccredited));

    [Test]
    public void CheckSubmission_InAnotherMunicipality_IsRefused() =>
        Assert.That(BidRules.CheckSubmission(Open, ABid(), Accredited with { MunicipalityCode = "013075" }, 10, false, Now), Is.EqualTo(BidRefusal.NotAccredited));

    [Test]
    public void CheckSubmission_WhenTheAccreditationIsSuspended_IsRefusedAtOnce() =>
        Assert.That(BidRules.CheckSubmission(Open, ABid(), Accredited with { SuspendedAt = Now.AddMinutes(-1) }, 10, false, Now), Is.EqualTo(BidRefusal.NotAccredited));

    [Test]
    public void CheckSubmission_WhenTheAccreditationHasExpired_IsRefused() =>
        Assert.That(BidRules.CheckSubmission(Open, ABid(), Accredited with { ValidUntil = ItalianCalendar.DayOf(Now).AddDays(-1) }, 10, false, Now), Is.EqualTo(BidRefusal.NotAccredited));

    [Test]
    public void CheckSubmission_AfterItalianMidnight_ReadsTheAccreditationsLastDayAsPast()
    {
        // 23:30 UTC on 3 December is 00:30 on the 4th in Italy: an accreditation valid until the 3rd has run out (a UTC day said it had not).
        var justAfterMidnight = new DateTimeOffset(2029, 12, 3, 23, 30, 0, TimeSpan.Zero);
        var lastDayThe3rd = Accredited with { ValidUntil = new DateOnly(2029, 12, 3) };
        Assert.Multiple(() =>
        {
            Assert.That(BidRules.CheckSubmission(Open, ABid(), lastDayThe3rd, 10, false, justAfterMidnight), Is.EqualTo(BidRefusal.NotAccredited));
            Assert.That(BidRules.CheckSubmission(Open, ABid(), lastDayThe3rd, 10, false, justAfterMidnight.AddHours(-1)), Is.EqualTo(BidRefusal.None));
        });
    }

    [Test]
    public void CheckSubmission_ASecondBidOnTheSamePool_IsADuplicate() =>
        Assert.That(BidRules.CheckSubmission(Open, ABid(), Accredited, 10, alreadyBid: true, Now), Is.EqualTo(BidRefusal.Duplicate));

    [Test]
    public void CheckSubmission_ForMoreFamiliesThanTheProviderServes_IsOverCapacity() =>
        Assert.That(BidRules.CheckSubmission(Open, ABid(), Accredited, providerCapacity: 3, false, Now), Is.EqualTo(BidRefusal.OverCapacity));

    [Test]
    public void CheckSubmission_WithAFreePrice_IsRefused() =>
        Assert.That(BidRules.CheckSubmission(Open, ABid(0), Accredited, 10, false, Now), Is.EqualTo(BidRefusal.PriceNotPositive));

    [Test]
    public void CheckSubmission_WithAnIndicatorNobodyMeasures_IsRefused() =>
        Assert.That(BidRules.CheckSubmission(Open, ABid(2_000, "smiles-per-hour"), Accredited, 10, false, Now), Is.EqualTo(BidRefusal.UnknownIndicator));
}
