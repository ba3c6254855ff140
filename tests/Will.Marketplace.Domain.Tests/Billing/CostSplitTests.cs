using CsCheck;
using Will.Marketplace.Domain.Billing;
using Will.Marketplace.Domain.Common;

namespace Will.Marketplace.Domain.Tests.Billing;

public sealed class CostSplitTests
{
    private static readonly Guid A = new("00000000-0000-0000-0000-00000000000a"), B = new("00000000-0000-0000-0000-00000000000b"), C = new("00000000-0000-0000-0000-00000000000c");

    [Test]
    public void Split_ThreeEqualMembers_GivesTheLeftOverCentToTheFirstByIdAndStillAddsUp()
    {
        var shares = CostSplit.Split(Money.FromCents(100), [new(C, 1, null), new(A, 1, null), new(B, 1, null)]);

        Assert.That(shares.Select(s => (s.FamilyId, s.Share.Cents)), Is.EqualTo(new[] { (A, 34L), (B, 33L), (C, 33L) }));
    }

    [Test]
    public void Split_WithASubsidy_CoversThePercentageUpToTheCap()
    {
        var shares = CostSplit.Split(Money.FromCents(60_000), [new(A, 2, new SubsidyRule(50, 15_000)), new(B, 1, new SubsidyRule(50, 15_000))]);

        Assert.That(shares[0], Is.EqualTo(new FamilyShare(A, Money.FromCents(40_000), Money.FromCents(15_000), Money.FromCents(25_000))), "50% would be 200 €, the cap is 150 €");
        Assert.That(shares[1], Is.EqualTo(new FamilyShare(B, Money.FromCents(20_000), Money.FromCents(10_000), Money.FromCents(10_000))));
    }

    [Test]
    public void Prorated_AMemberHalfThePeriod_WeighsHalf()
    {
        var full = CostSplit.Prorated(240, 30, 30);
        var half = CostSplit.Prorated(240, 15, 30);

        var shares = CostSplit.Split(Money.FromCents(9_000), [new(A, full, null), new(B, half, null)]);

        Assert.That(shares.Select(s => s.Share.Cents), Is.EqualTo(new[] { 6_000L, 3_000L }));
    }

    private static readonly Gen<SplitMember> Member =
        Gen.Select(Gen.Guid, Gen.Long[0, 20_000], Gen.Int[0, 100], Gen.Long[0, 100_000], Gen.Bool)
            .Select((id, weight, percent, cap, subsidised) => new SplitMember(id, weight, subsidised ? new SubsidyRule(percent, cap) : null));

    [Test]
    public void Split_OverRandomOrdersOfOneToFiftyMembers_AddsUpExactlyNeverNegativeAndIgnoresOrder()
    {
        Gen.Select(Gen.Long[0, 10_000_000], Member.Array[1, 50]).Sample((gross, members) =>
        {
            members = [.. members.DistinctBy(m => m.FamilyId)];
            var shares = CostSplit.Split(Money.FromCents(gross), members);
            var reversed = CostSplit.Split(Money.FromCents(gross), [.. members.Reverse()]);
            var total = members.Sum(m => m.Weight);
            return shares.Sum(s => s.FamilyPays.Cents + s.Subsidy.Cents) == gross &&
                shares.All(s => s.Share.Cents >= 0 && s.Subsidy.Cents >= 0 && s.FamilyPays.Cents >= 0) &&
                shares.SequenceEqual(reversed) &&
                shares.All(s =>
                {
                    var m = members.Single(x => x.FamilyId == s.FamilyId);
                    var exact = total == 0 ? (decimal)gross / members.Length : (decimal)gross * m.Weight / total;
                    return Math.Abs(s.Share.Cents - exact) < 1 &&
                        (m.Subsidy is null ? s.Subsidy.Cents == 0 : s.Subsidy.Cents <= m.Subsidy.MonthlyCapCents && s.Subsidy.Cents * 100 <= s.Share.Cents * m.Subsidy.CoveragePercent);
                });
        }, iter: 500);
    }
}
