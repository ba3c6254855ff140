using Will.Marketplace.Domain.Catalog;
using Will.Marketplace.Domain.Common;

namespace Will.Marketplace.Domain.Pricing;

/// <summary>
/// What a family would pay a month for its weekly hours, at each pool size, from the category's
/// reference price per hour. An estimate to show the value of pooling before any bid exists:
/// <list type="bullet">
/// <item>group mode: the whole service's hour is shared by the members present;</item>
/// <item>shared-worker mode: each family pays its own hours at a pooled rate, 5% lower per extra
/// household sharing the worker's week (full rosters, less travel), at most 25% lower.</item>
/// </list>
/// </summary>
public static class PriceEstimate
{
    public const int PooledDiscountPercentPerHousehold = 5;
    public const int MaxPooledDiscountPercent = 25;

    /// <summary>Weeks in a month on average: 52 weeks / 12 months, kept as a fraction for exact integers.</summary>
    private const long WeeksPerYear = 52, MonthsPerYear = 12;

    public static Money MonthlyFor(ServiceCategory category, int weeklyMinutes, int members)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(members, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(weeklyMinutes);
        var price = category.ReferencePricePerHourCents;

        // cents = price × minutes/60 × 52/12 ÷ divisor × (100 − discount)/100, rounded half up, in integers only.
        var (divisor, discount) = category.Mode == PoolingMode.Group
            ? (members, 0)
            : (1, Math.Min(MaxPooledDiscountPercent, PooledDiscountPercentPerHousehold * (members - 1)));
        var numerator = checked(price * weeklyMinutes * WeeksPerYear * (100 - discount));
        var denominator = 60 * MonthsPerYear * divisor * 100L;
        return Money.FromCents((numerator + denominator / 2) / denominator);
    }

    /// <summary>The monthly cost for every size from one family alone up to the category's capacity.</summary>
    public static IReadOnlyList<(int Members, Money Monthly)> Curve(ServiceCategory category, int weeklyMinutes) =>
        [.. Enumerable.Range(1, category.Capacity).Select(n => (n, MonthlyFor(category, weeklyMinutes, n)))];
}
