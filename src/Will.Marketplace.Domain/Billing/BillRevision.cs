using Will.Marketplace.Domain.Common;

namespace Will.Marketplace.Domain.Billing;

/// <summary>A family's change between two versions of a period's bill: positive is a further charge, negative a refund.</summary>
public sealed record FamilyAdjustment(Guid FamilyId, Money FamilyPays, Money Subsidy);

/// <summary>
/// What changes when a period already billed is billed again (a member left or joined mid-period):
/// each family's further charge or refund, the subsidy's change, and the provider's: a further
/// transfer, or a reversal of part of the one made, and the holdback's change.
/// </summary>
public sealed record BillRevision(IReadOnlyList<FamilyAdjustment> Families, Money Gross, Money Transfer, Money Holdback)
{
    public static BillRevision Between(PeriodBill before, PeriodBill after)
    {
        var families = before.Shares.Select(s => s.FamilyId).Union(after.Shares.Select(s => s.FamilyId)).Order()
            .Select(id =>
            {
                var (was, now) = (before.For(id), after.For(id));
                return new FamilyAdjustment(id,
                    (now?.FamilyPays ?? Money.Zero) - (was?.FamilyPays ?? Money.Zero),
                    (now?.Subsidy ?? Money.Zero) - (was?.Subsidy ?? Money.Zero));
            })
            .Where(a => a.FamilyPays.Cents != 0 || a.Subsidy.Cents != 0)
            .ToList();
        return new BillRevision(families, after.Gross - before.Gross, after.Transfer - before.Transfer, after.Holdback - before.Holdback);
    }
}
