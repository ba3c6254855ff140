using Will.Marketplace.Domain.Catalog;
using Will.Marketplace.Domain.Common;
using Will.Marketplace.Domain.Pools;

namespace Will.Marketplace.Domain.Bidding;

/// <summary>
/// Whether an award is within what a family said it would pay per hour. Group mode: the family
/// shares the service's weekly cost with the others and receives the shared hours. Shared worker:
/// the family pays its own hours at the award's hourly rate (weekly cost over the worker's week).
/// </summary>
public static class AwardFit
{
    public static bool WithinMaximum(ServiceCategory category, DemandPool pool, PoolMember member, Money weeklyCost)
    {
        if (member.MaxPricePerHourCents is not { } max)
        {
            return false;
        }

        var envelope = pool.ScheduleEnvelope(category.Mode).TotalMinutes;
        if (envelope == 0 || pool.Members.Count == 0)
        {
            return false;
        }

        // Compare cost × 60 with max × minutes: integers only, no rounding.
        return category.Mode == PoolingMode.Group
            ? weeklyCost.Cents * 60 <= max * envelope * pool.Members.Count
            : weeklyCost.Cents * 60 <= max * envelope;
    }
}
