using Will.Marketplace.Domain.Billing;

namespace Will.Marketplace.Domain.Ledger;

/// <summary>Who a bill is between: the order, its provider and the municipality paying the subsidies.</summary>
public sealed record BillParties(Guid OrderId, Guid ProviderId, string MunicipalityCode);

/// <summary>The postings a period's bill makes, and those a revision of it makes.</summary>
public static class BillPostings
{
    /// <summary>Each family's charge and subsidy obligation, then the holdback of the provider's payout.</summary>
    public static IReadOnlyList<Posting> For(BillParties parties, PeriodBill bill)
    {
        var period = bill.Period.ToString();
        return Only([
            .. bill.Shares.SelectMany(s => new[]
            {
                Movements.FamilyCharge(parties.OrderId, period, s.FamilyId, parties.ProviderId, s.FamilyPays.Cents),
                Movements.SubsidyObligation(parties.OrderId, period, parties.MunicipalityCode, parties.ProviderId, s.Subsidy.Cents),
            }),
            Movements.Holdback(parties.OrderId, period, parties.ProviderId, bill.Holdback.Cents),
        ]);
    }

    /// <summary>A further charge or a credit per family, the subsidy's change, and the holdback's.</summary>
    public static IReadOnlyList<Posting> For(BillParties parties, BillingMonth month, BillRevision revision)
    {
        var (order, provider, period) = (parties.OrderId, parties.ProviderId, month.ToString());
        return Only([
            .. revision.Families.SelectMany(a => new[]
            {
                a.FamilyPays.Cents >= 0
                    ? Movements.FamilyCharge(order, period, a.FamilyId, provider, a.FamilyPays.Cents)
                    : Movements.Credit(order, period, a.FamilyId, provider, -a.FamilyPays.Cents),
                a.Subsidy.Cents >= 0
                    ? Movements.SubsidyObligation(order, period, parties.MunicipalityCode, provider, a.Subsidy.Cents)
                    : Movements.SubsidyReduced(order, period, parties.MunicipalityCode, provider, -a.Subsidy.Cents),
            }),
            revision.Holdback.Cents >= 0
                ? Movements.Holdback(order, period, provider, revision.Holdback.Cents)
                : Movements.Release(order, period, provider, -revision.Holdback.Cents),
        ]);
    }

    private static IReadOnlyList<Posting> Only(IEnumerable<Posting?> postings) => [.. postings.OfType<Posting>()];
}
