using CsCheck;
using Will.Marketplace.Domain.Billing;
using Will.Marketplace.Domain.Catalog;
using Will.Marketplace.Domain.Common;

namespace Will.Marketplace.Domain.Tests.Billing;

public sealed class PeriodBillingTests
{
    private static readonly BillingMonth March = new(2027, 3);
    private static readonly Guid A = new("00000000-0000-0000-0000-00000000000a"), B = new("00000000-0000-0000-0000-00000000000b");

    private static OrderTerms Order(PoolingMode mode, int holdback = 0, DateOnly? starts = null) =>
        new(Guid.NewGuid(), mode, 70_000, 600, starts ?? new DateOnly(2027, 1, 4), holdback);

    [Test]
    public void Bill_AGroupForAFullMonth_ChargesTheWeeklyCostOverItsDaysAndSplitsItByMinutes()
    {
        var bill = PeriodBilling.Bill(Order(PoolingMode.Group), [new(A, 600, new(2027, 1, 4), null, null), new(B, 300, new(2027, 1, 4), null, null)], March)!;

        Assert.That(bill.Gross, Is.EqualTo(Money.FromCents(310_000)), "700 € a week × 31 days ÷ 7");
        Assert.That(bill.Shares.Select(s => s.Share.Cents), Is.EqualTo(new[] { 206_667L, 103_333L }));
    }

    [Test]
    public void Bill_AnOrderStartingMidMonth_ChargesItsDaysOnly()
    {
        var bill = PeriodBilling.Bill(Order(PoolingMode.Group, starts: new DateOnly(2027, 3, 15)), [new(A, 600, new(2027, 3, 15), null, null)], March)!;

        Assert.That(bill.Gross, Is.EqualTo(Money.FromCents(170_000)), "17 days");
    }

    [Test]
    public void Bill_SharedWorker_ChargesEachFamilysOwnMinutesAtThePooledRate()
    {
        var bill = PeriodBilling.Bill(Order(PoolingMode.SharedWorker), [new(A, 420, new(2027, 1, 4), null, null), new(B, 180, new(2027, 1, 4), new DateOnly(2027, 3, 14), null)], March)!;

        // 700 € a week for 600 minutes: A 420 min × 31 days, B 180 min × 14 days.
        Assert.That(bill.Gross.Cents, Is.EqualTo(((70_000L * 420 * 31) + (70_000L * 180 * 14)) / (600 * 7)));
        Assert.That(bill.Shares.Sum(s => s.Share.Cents), Is.EqualTo(bill.Gross.Cents));
    }

    [Test]
    public void Bill_WithHoldback_HoldsThePercentageOfTheCardPaymentsOnly()
    {
        var bill = PeriodBilling.Bill(Order(PoolingMode.Group, holdback: 10), [new(A, 600, new(2027, 1, 4), null, new SubsidyRule(50, 100_000)), new(B, 600, new(2027, 1, 4), null, null)], March)!;

        Assert.That(bill.SubsidyTotal, Is.EqualTo(Money.FromCents(77_500)));
        Assert.That(bill.CardTotal, Is.EqualTo(Money.FromCents(232_500)));
        Assert.That(bill.Holdback, Is.EqualTo(Money.FromCents(23_250)));
        Assert.That(bill.Transfer, Is.EqualTo(Money.FromCents(209_250)));
    }

    [Test]
    public void Bill_NobodyPresentInThePeriod_IsNothing() =>
        Assert.That(PeriodBilling.Bill(Order(PoolingMode.Group), [new(A, 600, new(2027, 1, 4), new DateOnly(2027, 2, 20), null)], March), Is.Null);

    [Test]
    public void WithGrants_ABudgetShortOfTheSubsidy_MakesTheFamilyPayTheRest()
    {
        var bill = PeriodBilling.Bill(Order(PoolingMode.Group), [new(A, 600, new(2027, 1, 4), null, new SubsidyRule(50, 100_000))], March)!;

        var granted = PeriodBilling.WithGrants(bill, new Dictionary<Guid, long> { [A] = 40_000 }, 0);

        Assert.That(granted.Shares[0], Is.EqualTo(new FamilyShare(A, Money.FromCents(310_000), Money.FromCents(40_000), Money.FromCents(270_000))));
    }

    [Test]
    public void Revision_AMemberLeavingMidMonth_RefundsItAndChargesTheOthersTheRestOfTheGroupsCost()
    {
        var order = Order(PoolingMode.Group, holdback: 10);
        var stays = new BilledMember(A, 600, new(2027, 1, 4), null, null);
        var before = PeriodBilling.Bill(order, [stays, new(B, 600, new(2027, 1, 4), null, null)], March)!;
        var after = PeriodBilling.Bill(order, [stays, new(B, 600, new(2027, 1, 4), new DateOnly(2027, 3, 10), null)], March)!;

        var revision = BillRevision.Between(before, after);

        Assert.That(revision.Gross, Is.EqualTo(Money.Zero), "the group still ran all month");
        Assert.That(revision.Families.Single(f => f.FamilyId == B).FamilyPays.Cents, Is.LessThan(0));
        Assert.That(revision.Families.Single(f => f.FamilyId == A).FamilyPays.Cents, Is.EqualTo(-revision.Families.Single(f => f.FamilyId == B).FamilyPays.Cents));
        Assert.That(revision.Transfer, Is.EqualTo(Money.Zero));
    }

    private static readonly Gen<BilledMember> Member =
        Gen.Select(Gen.Guid, Gen.Int[0, 2_400], Gen.Int[0, 90], Gen.Int[-1, 90], Gen.Select(Gen.Int[0, 100], Gen.Long[0, 50_000], Gen.Bool))
            .Select((id, minutes, joined, left, subsidy) => new BilledMember(id, minutes, new DateOnly(2027, 1, 1).AddDays(joined),
                left < 0 ? null : new DateOnly(2027, 1, 1).AddDays(joined + left), subsidy.Item3 ? new SubsidyRule(subsidy.Item1, subsidy.Item2) : null));

    private static readonly Gen<OrderTerms> Terms =
        Gen.Select(Gen.Enum<PoolingMode>(), Gen.Long[0, 500_000], Gen.Int[1, 3_000], Gen.Int[0, 60], Gen.Int[0, 30])
            .Select((mode, cost, minutes, start, holdback) => new OrderTerms(Guid.NewGuid(), mode, cost, minutes, new DateOnly(2027, 1, 1).AddDays(start), holdback));

    [Test]
    public void Bill_OverRandomOrdersOfOneToFiftyMembers_AddsUpToTheGrossAndDoesNotDependOnOrder()
    {
        Gen.Select(Terms, Member.Array[1, 50], Gen.Int[1, 4]).Sample((order, members, month) =>
        {
            members = [.. members.DistinctBy(m => m.FamilyId)];
            var period = new BillingMonth(2027, month);
            var bill = PeriodBilling.Bill(order, members, period);
            var reversed = PeriodBilling.Bill(order, [.. members.Reverse()], period);
            if (bill is null)
            {
                return reversed is null && members.All(m => PeriodBilling.DaysPresent(order, m, period) == 0);
            }

            return bill.Shares.Sum(s => s.FamilyPays.Cents + s.Subsidy.Cents) == bill.Gross.Cents &&
                bill.Shares.All(s => s.FamilyPays.Cents >= 0 && s.Subsidy.Cents >= 0) &&
                bill.Holdback.Cents >= 0 && bill.Transfer.Cents >= 0 && bill.Holdback + bill.Transfer == bill.CardTotal &&
                bill.Shares.SequenceEqual(reversed!.Shares) && bill.Gross == reversed.Gross;
        }, iter: 500);
    }

    [Test]
    public void Revision_OverRandomLeavers_ChangesEachFamilyByExactlyTheDifference()
    {
        Gen.Select(Terms, Member.Array[2, 30], Gen.Int[1, 28]).Sample((order, members, leaveDay) =>
        {
            members = [.. members.DistinctBy(m => m.FamilyId)];
            var period = new BillingMonth(2027, 3);
            var before = PeriodBilling.Bill(order, members, period);
            var leaves = new DateOnly(2027, 3, leaveDay);
            var leaver = members[0] with { LastDay = members[0].LastDay is { } last && last < leaves ? last : leaves };
            var after = PeriodBilling.Bill(order, [leaver, .. members.Skip(1)], period);
            if (before is null || after is null)
            {
                return true;
            }

            var revision = BillRevision.Between(before, after);
            return before.Shares.All(s => s.FamilyPays + (revision.Families.FirstOrDefault(f => f.FamilyId == s.FamilyId)?.FamilyPays ?? Money.Zero) == (after.For(s.FamilyId)?.FamilyPays ?? Money.Zero)) &&
                before.Transfer + revision.Transfer == after.Transfer &&
                after.Gross <= before.Gross;
        }, iter: 500);
    }
}
