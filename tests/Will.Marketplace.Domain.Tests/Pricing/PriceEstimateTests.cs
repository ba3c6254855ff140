using CsCheck;
using Will.Marketplace.Domain.Catalog;
using Will.Marketplace.Domain.Pricing;

namespace Will.Marketplace.Domain.Tests.Pricing;

public sealed class PriceEstimateTests
{
    private static readonly ServiceCategory AfterSchool = new("after-school", PoolingMode.Group, 2500, 10, 4, TimeSpan.FromHours(72)) { ReferencePricePerHourCents = 2400 };
    private static readonly ServiceCategory HomeCare = new("home-care-elderly", PoolingMode.SharedWorker, 3000, 6, 3, TimeSpan.FromHours(72)) { ReferencePricePerHourCents = 2200 };

    [Test]
    public void MonthlyFor_GroupAlone_IsTheWholeServiceForTheFamilysHours()
    {
        // 6 hours a week × €24 × 52/12 = €624.00
        Assert.That(PriceEstimate.MonthlyFor(AfterSchool, 360, 1).Cents, Is.EqualTo(62_400));
    }

    [Test]
    public void MonthlyFor_GroupOfFour_SharesTheHourFourWays()
    {
        Assert.That(PriceEstimate.MonthlyFor(AfterSchool, 360, 4).Cents, Is.EqualTo(15_600));
    }

    [Test]
    public void MonthlyFor_SharedWorker_GetsFivePercentPerExtraHouseholdUpToTwentyFive()
    {
        // 4 hours a week × €22 × 52/12 = €381.33 alone; 10% less with three households; 25% at most.
        Assert.That(PriceEstimate.MonthlyFor(HomeCare, 240, 1).Cents, Is.EqualTo(38_133));
        Assert.That(PriceEstimate.MonthlyFor(HomeCare, 240, 3).Cents, Is.EqualTo(34_320));
        Assert.That(PriceEstimate.MonthlyFor(HomeCare, 240, 6).Cents, Is.EqualTo(28_600));
    }

    [Test]
    public void Curve_ForAnyCategoryAndHours_NeverRisesWithMoreMembersAndStartsAtTheAlonePrice()
    {
        Gen.Select(Gen.Int[0, 60 * 40], Gen.Bool).Sample((minutes, group) =>
        {
            var category = group ? AfterSchool : HomeCare;
            var curve = PriceEstimate.Curve(category, minutes);
            return curve.Count == category.Capacity
                && curve[0].Monthly == PriceEstimate.MonthlyFor(category, minutes, 1)
                && curve.Zip(curve.Skip(1)).All(p => p.Second.Monthly <= p.First.Monthly);
        }, iter: 300);
    }
}
