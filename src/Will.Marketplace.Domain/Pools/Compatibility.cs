using Will.Marketplace.Domain.Catalog;
using Will.Marketplace.Domain.Scheduling;

namespace Will.Marketplace.Domain.Pools;

/// <summary>The first version of the compatibility rules of PRODUCT.md, for both pooling modes.</summary>
public static class Compatibility
{
    /// <param name="shared">In group mode, the schedule the members already share, when the caller has it (a pool keeps it).</param>
    public static Incompatibility Check(ServiceCategory category, IReadOnlyList<PoolMember> members, PoolMember candidate, WeeklySchedule? shared = null)
    {
        if (members.Any(m => m.Location.DistanceMetersTo(candidate.Location) > category.RadiusMeters))
        {
            return Incompatibility.TooFar;
        }

        if (!AttributesMatch(category, members, candidate))
        {
            return Incompatibility.AttributeMismatch;
        }

        return category.Mode == PoolingMode.Group ? CheckGroup(category, members, candidate, shared) : CheckSharedWorker(category, members, candidate);
    }

    private static Incompatibility CheckGroup(ServiceCategory category, IReadOnlyList<PoolMember> members, PoolMember candidate, WeeklySchedule? membersShare)
    {
        // The whole group, candidate included, must share the category's minimum: a rule on the set,
        // so the order in which families arrive cannot shrink the service for those already in.
        var shared = membersShare is { } known ? known.Intersect(candidate.Schedule) : members.Aggregate(candidate.Schedule, (acc, m) => acc.Intersect(m.Schedule));
        return shared.TotalMinutes >= Math.Max(1, category.MinSharedMinutesPerWeek)
            ? Incompatibility.None
            : Incompatibility.NotEnoughSharedTime;
    }

    private static Incompatibility CheckSharedWorker(ServiceCategory category, IReadOnlyList<PoolMember> members, PoolMember candidate)
    {
        if (members.Any(m => m.Schedule.Conflicts(candidate.Schedule, category.TravelBufferMinutes)))
        {
            return Incompatibility.ScheduleConflict;
        }

        return members.Sum(m => m.Schedule.TotalMinutes) + candidate.Schedule.TotalMinutes > category.MaxWeeklyMinutes
            ? Incompatibility.WeekTooLong
            : Incompatibility.None;
    }

    /// <summary>A key that one side leaves unset matches anything; set values must be equal.</summary>
    private static bool AttributesMatch(ServiceCategory category, IReadOnlyList<PoolMember> members, PoolMember candidate) =>
        category.MatchedAttributes.All(key =>
            !candidate.Attributes.TryGetValue(key, out var wanted) ||
            members.All(m => !m.Attributes.TryGetValue(key, out var value) || string.Equals(value, wanted, StringComparison.OrdinalIgnoreCase)));
}
