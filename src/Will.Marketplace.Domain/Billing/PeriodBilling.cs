using Will.Marketplace.Domain.Catalog;
using Will.Marketplace.Domain.Common;

namespace Will.Marketplace.Domain.Billing;

/// <summary>What billing needs of a collective order.</summary>
public sealed record OrderTerms(Guid OrderId, PoolingMode Mode, long WeeklyCostCents, int OrderWeeklyMinutes, DateOnly StartsOn, int HoldbackPercent);

/// <summary>
/// A family in an order: its own weekly minutes of service, the first day it is served and, once it
/// has left, the last (inclusive), and the subsidy its ISEE gives it.
/// </summary>
public sealed record BilledMember(Guid FamilyId, int WeeklyMinutes, DateOnly JoinedOn, DateOnly? LastDay, SubsidyRule? Subsidy, long? IseeCents = null);

/// <summary>
/// One billing period of an order: the provider's gross split into family shares, the subsidies,
/// what passes through the card payments, the holdback kept from it and the transfer to the provider.
/// </summary>
public sealed record PeriodBill(BillingMonth Period, Money Gross, IReadOnlyList<FamilyShare> Shares, Money Holdback)
{
    public Money CardTotal => Money.FromCents(Shares.Sum(s => s.FamilyPays.Cents));

    public Money SubsidyTotal => Money.FromCents(Shares.Sum(s => s.Subsidy.Cents));

    /// <summary>What the provider is paid through Stripe this period: the card payments less the holdback.</summary>
    public Money Transfer => CardTotal - Holdback;

    public FamilyShare? For(Guid familyId) => Shares.FirstOrDefault(s => s.FamilyId == familyId);
}

/// <summary>
/// Bills a month of an order. The gross is the weekly cost over the days served (group mode: the
/// days the order runs; shared worker: each family's own minutes at the pooled rate over its own
/// days), rounded down to the cent. The split weighs each member by its minutes × days present, so
/// joining or leaving mid-period is prorated by day. The holdback is the order's percentage of the
/// card payments, rounded down: the subsidy is paid by the municipality's treasury, outside Stripe.
/// </summary>
public static class PeriodBilling
{
    public static PeriodBill? Bill(OrderTerms order, IReadOnlyList<BilledMember> members, BillingMonth period)
    {
        var present = members
            .Select(m => (Member: m, Days: DaysPresent(order, m, period)))
            .Where(x => x.Days > 0)
            .ToList();
        if (present.Count == 0)
        {
            return null;
        }

        long gross;
        if (order.Mode == PoolingMode.Group)
        {
            var orderDays = Overlap(order.StartsOn, present.Max(x => Last(x.Member, period)), period);
            gross = order.WeeklyCostCents * orderDays / 7;
        }
        else
        {
            var minuteDays = present.Aggregate(Int128.Zero, (sum, x) => sum + ((Int128)x.Member.WeeklyMinutes * x.Days));
            gross = order.OrderWeeklyMinutes <= 0 ? 0 : (long)(order.WeeklyCostCents * minuteDays / (order.OrderWeeklyMinutes * 7));
        }

        var shares = CostSplit.Split(Money.FromCents(gross), [.. present.Select(x =>
            new SplitMember(x.Member.FamilyId, CostSplit.Prorated(x.Member.WeeklyMinutes, x.Days, period.Days), x.Member.Subsidy))]);
        return WithHoldback(new PeriodBill(period, Money.FromCents(gross), shares, Money.Zero), order.HoldbackPercent);
    }

    /// <summary>
    /// The bill with each family's subsidy limited to what the programme's budget granted; the
    /// family pays what the subsidy no longer covers. The holdback follows the card payments.
    /// </summary>
    public static PeriodBill WithGrants(PeriodBill bill, IReadOnlyDictionary<Guid, long> granted, int holdbackPercent)
    {
        var shares = bill.Shares.Select(s =>
        {
            var subsidy = Math.Min(s.Subsidy.Cents, Math.Max(0, granted.GetValueOrDefault(s.FamilyId)));
            return s with { Subsidy = Money.FromCents(subsidy), FamilyPays = s.Share - Money.FromCents(subsidy) };
        }).ToList();
        return WithHoldback(bill with { Shares = shares }, holdbackPercent);
    }

    public static int DaysPresent(OrderTerms order, BilledMember member, BillingMonth period) =>
        Overlap(Max(order.StartsOn, member.JoinedOn), Last(member, period), period);

    private static PeriodBill WithHoldback(PeriodBill bill, int holdbackPercent) =>
        bill with { Holdback = Money.FromCents(bill.CardTotal.Cents * Math.Clamp(holdbackPercent, 0, 100) / 100) };

    private static DateOnly Last(BilledMember member, BillingMonth period) => member.LastDay is { } last && last < period.LastDay ? last : period.LastDay;

    private static int Overlap(DateOnly from, DateOnly to, BillingMonth period)
    {
        var start = Max(from, period.FirstDay);
        var end = to < period.LastDay ? to : period.LastDay;
        return end < start ? 0 : end.DayNumber - start.DayNumber + 1;
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
