using Will.Marketplace.Domain.Common;

namespace Will.Marketplace.Domain.Billing;

/// <summary>A municipality's subsidy for one family: a share of its cost, up to a monthly cap.</summary>
public sealed record SubsidyRule(int CoveragePercent, long MonthlyCapCents);

/// <summary>
/// One member of an order in a billing period. <see cref="Weight"/> is what the member is charged
/// by: group mode, the minutes it attended; shared worker, its own minutes (at the pooled rate).
/// Use <see cref="CostSplit.Prorated"/> for a member present only part of the period.
/// </summary>
public sealed record SplitMember(Guid FamilyId, long Weight, SubsidyRule? Subsidy);

/// <summary>A family's part of the provider's gross: what the municipality's subsidy covers and what the family pays.</summary>
public sealed record FamilyShare(Guid FamilyId, Money Share, Money Subsidy, Money FamilyPays);

/// <summary>
/// The split of a billing period's cost, in integer cents. Each family's share is proportional to
/// its weight, rounded down, and the cents left over go one each to the largest remainders (ties by
/// family id), so the shares add up to the gross exactly and do not depend on the members' order.
/// Then the subsidy: the coverage percentage of the share, rounded down, never above the cap; the
/// family pays the rest. Shares and subsidies add up to the provider's gross; nothing is negative.
/// </summary>
public static class CostSplit
{
    /// <summary>A member's weight for part of a period: weekly minutes × days present (the period's days are the common denominator).</summary>
    public static long Prorated(int weeklyMinutes, int daysPresent, int daysInPeriod)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(weeklyMinutes);
        ArgumentOutOfRangeException.ThrowIfNegative(daysPresent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(daysPresent, daysInPeriod);
        return (long)weeklyMinutes * daysPresent;
    }

    public static IReadOnlyList<FamilyShare> Split(Money gross, IReadOnlyList<SplitMember> members)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(gross.Cents);
        if (members.Count == 0 || members.Any(m => m.Weight < 0) || members.Select(m => m.FamilyId).Distinct().Count() != members.Count)
        {
            throw new ArgumentException("A split needs one or more distinct members with non-negative weights.", nameof(members));
        }

        var ordered = members.OrderBy(m => m.FamilyId).ToList();
        var total = ordered.Sum(m => m.Weight);
        if (total == 0)
        {
            // Nobody was served: every member's weight counts the same.
            ordered = [.. ordered.Select(m => m with { Weight = 1 })];
            total = ordered.Count;
        }

        var exact = ordered.Select(m => (Member: m, Product: (Int128)gross.Cents * m.Weight)).ToList();
        var shares = exact.ToDictionary(e => e.Member.FamilyId, e => (long)(e.Product / total));
        var left = gross.Cents - shares.Values.Sum();
        foreach (var (member, _) in exact.OrderByDescending(e => e.Product % total).ThenBy(e => e.Member.FamilyId).Take((int)left))
        {
            shares[member.FamilyId]++;
        }

        return [.. ordered.Select(m =>
        {
            var share = shares[m.FamilyId];
            var subsidy = m.Subsidy is { } rule ? Math.Min(Math.Min(share * Math.Clamp(rule.CoveragePercent, 0, 100) / 100, Math.Max(0, rule.MonthlyCapCents)), share) : 0;
            return new FamilyShare(m.FamilyId, Money.FromCents(share), Money.FromCents(subsidy), Money.FromCents(share - subsidy));
        })];
    }
}
