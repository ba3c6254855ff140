using CsCheck;
using Will.Marketplace.Domain.Billing;

namespace Will.Marketplace.Domain.Tests.Billing;

public sealed class SubsidyTests
{
    private static readonly SubsidyProgramme Programme = new(Guid.NewGuid(), "016024", new HashSet<string> { "home-care-elderly" },
        new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31), 1_000_000,
        [new IseeBand(2_000_000, 30, 10_000), new IseeBand(800_000, 70, 25_000), new IseeBand(1_500_000, 50, 15_000)]);

    [TestCase(500_000, 70, 25_000)]
    [TestCase(800_000, 70, 25_000)]
    [TestCase(800_001, 50, 15_000)]
    [TestCase(2_000_000, 30, 10_000)]
    public void RuleFor_AnIsee_IsTheLowestBandItFits(long isee, int percent, long cap) =>
        Assert.That(Programme.RuleFor(isee), Is.EqualTo(new SubsidyRule(percent, cap)));

    [Test]
    public void RuleFor_AnIseeAboveEveryBand_IsNoSubsidy() => Assert.That(Programme.RuleFor(2_000_001), Is.Null);

    [Test]
    public void Covers_OnlyItsCategoriesWithinItsDates()
    {
        Assert.That(Programme.Covers("home-care-elderly", new DateOnly(2027, 6, 1)), Is.True);
        Assert.That(Programme.Covers("after-school", new DateOnly(2027, 6, 1)), Is.False);
        Assert.That(Programme.Covers("home-care-elderly", new DateOnly(2028, 1, 1)), Is.False);
    }

    [Test]
    public void Allocate_WhenTheBudgetRunsShort_FundsTheLowestIseeFirst()
    {
        var (poorest, middle, richest) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());

        var grants = BudgetAllocation.Allocate(25_000, [new(richest, 1_900_000, 10_000), new(poorest, 300_000, 15_000), new(middle, 900_000, 15_000)]);

        Assert.That(grants, Is.EqualTo(new[] { new SubsidyGrant(poorest, 15_000, false), new SubsidyGrant(middle, 10_000, true), new SubsidyGrant(richest, 0, true) }));
    }

    [Test]
    public void Allocate_OverRandomClaimsInAnyOrder_NeverOverspendsAndRespectsThePriority()
    {
        var claim = Gen.Select(Gen.Guid, Gen.Long[0, 5_000_000], Gen.Long[0, 50_000]).Select((id, isee, wanted) => new SubsidyClaim(id, isee, wanted));
        Gen.Select(Gen.Long[0, 500_000], claim.Array[0, 60]).Sample((budget, claims) =>
        {
            var grants = BudgetAllocation.Allocate(budget, claims);
            var reversed = BudgetAllocation.Allocate(budget, [.. claims.Reverse()]);
            var ranked = claims.OrderBy(c => c.IseeCents).ThenBy(c => c.FamilyId).ToList();
            var firstShort = grants.ToList().FindIndex(g => g.ShortOfBudget);
            return grants.Sum(g => g.GrantedCents) <= budget &&
                grants.All(g => g.GrantedCents >= 0 && g.GrantedCents <= claims.First(c => c.FamilyId == g.FamilyId).RequestedCents) &&
                grants.SequenceEqual(reversed) &&
                grants.Select(g => g.FamilyId).SequenceEqual(ranked.Select(c => c.FamilyId)) &&
                // After the first claim the budget could not fill, nobody gets anything.
                (firstShort < 0 || grants.Skip(firstShort + 1).All(g => g.GrantedCents == 0));
        }, iter: 500);
    }
}
