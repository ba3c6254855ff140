using CsCheck;
using Will.Marketplace.Domain.Billing;
using Will.Marketplace.Domain.Catalog;
using Will.Marketplace.Domain.Ledger;

namespace Will.Marketplace.Domain.Tests.Billing;

public sealed class LedgerTests
{
    private static readonly Gen<(OrderTerms Order, BilledMember[] Members)> Orders =
        Gen.Select(Gen.Enum<PoolingMode>(), Gen.Long[1_000, 500_000], Gen.Int[60, 3_000], Gen.Int[0, 30],
                Gen.Select(Gen.Guid, Gen.Int[30, 2_400], Gen.Int[0, 40], Gen.Int[0, 100], Gen.Long[0, 80_000]).Array[1, 50])
            .Select((mode, cost, minutes, holdback, members) => (
                new OrderTerms(Guid.NewGuid(), mode, cost, minutes, new DateOnly(2027, 3, 1), holdback),
                members.DistinctBy(m => m.Item1).Select(m => new BilledMember(m.Item1, m.Item2, new DateOnly(2027, 3, 1).AddDays(m.Item3 % 20), null,
                    m.Item4 < 50 ? null : new SubsidyRule(m.Item4, m.Item5))).ToArray()));

    [Test]
    public void Movements_Each_DebitOneAccountAndCreditAnotherBySameAmount()
    {
        var (order, family, provider) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        Posting?[] postings =
        [
            Movements.FamilyCharge(order, "2027-03", family, provider, 100), Movements.SubsidyObligation(order, "2027-03", "016024", provider, 100),
            Movements.Holdback(order, "2027-03", provider, 100), Movements.Payment(order, "2027-03", family, 100), Movements.Transfer(order, "2027-03", provider, 100),
            Movements.Release(order, "2027-03", provider, 100), Movements.Credit(order, "2027-03", family, provider, 100), Movements.Refund(order, "2027-03", family, 100),
            Movements.Reversal(order, "2027-03", provider, 100), Movements.Fee(order, "2027-03", 100), Movements.SubsidySettled(order, "2027-03", "016024", provider, 100),
            Movements.SubsidyReduced(order, "2027-03", "016024", provider, 100),
        ];

        Assert.That(postings.Select(p => p!.Movement).Distinct().Count(), Is.EqualTo(Enum.GetValues<Movement>().Length), "every movement is covered");
        Assert.That(postings, Has.All.Matches<Posting>(p => p.IsBalanced && p.Lines.Count == 2 && p.Lines[0].Account != p.Lines[1].Account && p.Lines[0].AmountCents > 0));
        Assert.That(Movements.Payment(order, "2027-03", family, 0), Is.Null);
        Assert.Throws<ArgumentOutOfRangeException>(() => Movements.Payment(order, "2027-03", family, -1));
    }

    [Test]
    public void BillPostings_WhenEveryPaymentTransferAndSubsidyIsSettled_LeaveOnlyTheHoldbackAsCash()
    {
        Orders.Sample(x =>
        {
            var (order, members) = x;
            var bill = PeriodBilling.Bill(order, members, new BillingMonth(2027, 3))!;
            var parties = new BillParties(order.OrderId, Guid.NewGuid(), "016024");
            var period = bill.Period.ToString();
            var postings = BillPostings.For(parties, bill)
                .Concat(bill.Shares.Select(s => Movements.Payment(order.OrderId, period, s.FamilyId, s.FamilyPays.Cents)).OfType<Posting>())
                .Append(Movements.Transfer(order.OrderId, period, parties.ProviderId, bill.Transfer.Cents))
                .Append(Movements.SubsidySettled(order.OrderId, period, "016024", parties.ProviderId, bill.SubsidyTotal.Cents))
                .OfType<Posting>().ToList();
            var balances = Movements.Balances(postings);
            long Of(LedgerAccount a) => balances.GetValueOrDefault(a);

            return postings.All(p => p.IsBalanced) &&
                bill.Shares.All(s => Of(LedgerAccount.Family(s.FamilyId)) == 0) &&
                Of(LedgerAccount.Provider(parties.ProviderId)) == 0 &&
                Of(LedgerAccount.Municipality("016024")) == 0 &&
                Of(LedgerAccount.Cash) == bill.Holdback.Cents &&
                Of(LedgerAccount.HoldbackOf(order.OrderId)) == -bill.Holdback.Cents;
        }, iter: 300);
    }

    [Test]
    public void RevisionPostings_AddedToTheFirstBills_GiveTheBalancesOfTheRevisedBill()
    {
        Gen.Select(Orders, Gen.Int[1, 31]).Sample((x, leaveDay) =>
        {
            var (order, members) = x;
            var month = new BillingMonth(2027, 3);
            var before = PeriodBilling.Bill(order, members, month)!;
            var after = PeriodBilling.Bill(order, [members[0] with { LastDay = new DateOnly(2027, 3, leaveDay) }, .. members.Skip(1)], month);
            if (after is null)
            {
                return true;
            }

            var parties = new BillParties(order.OrderId, Guid.NewGuid(), "016024");
            var revised = Movements.Balances(BillPostings.For(parties, before).Concat(BillPostings.For(parties, month, BillRevision.Between(before, after))));
            var direct = Movements.Balances(BillPostings.For(parties, after));
            return revised.Where(b => b.Value != 0).OrderBy(b => b.Key.ToString()).SequenceEqual(direct.Where(b => b.Value != 0).OrderBy(b => b.Key.ToString()));
        }, iter: 300);
    }
}
