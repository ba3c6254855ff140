using Will.Marketplace.Domain.Catalog;
using Will.Marketplace.Domain.Pools;

namespace Will.Marketplace.Domain.Tests.PropertyBased;

/// <summary>The rules of PRODUCT.md, stated over a whole pool rather than one join at a time.</summary>
internal static class PoolInvariants
{
    public static bool Hold(ServiceCategory category, DemandPool pool)
    {
        var members = pool.Members;
        var pairs = members.SelectMany((a, i) => members.Skip(i + 1).Select(b => (a, b))).ToList();
        return members.Count >= 1 && members.Count <= pool.Capacity &&
            pool.Status == (members.Count >= pool.Quorum ? PoolStatus.OpenForBids : PoolStatus.Forming) &&
            pairs.All(p => p.a.Location.DistanceMetersTo(p.b.Location) <= category.RadiusMeters) &&
            pairs.All(p => category.MatchedAttributes.All(key => AgreeOn(key, p.a, p.b))) &&
            (category.Mode == PoolingMode.Group ? GroupSharesEnoughTime(category, members) : WorkerWeekFits(category, members, pairs)) &&
            members.Select((m, i) => Compatibility.Check(category, [.. members.Take(i)], m)).All(v => v == Incompatibility.None);
    }

    private static bool AgreeOn(string key, PoolMember a, PoolMember b) =>
        !a.Attributes.TryGetValue(key, out var x) || !b.Attributes.TryGetValue(key, out var y) ||
        string.Equals(x, y, StringComparison.OrdinalIgnoreCase);

    /// <summary>Everyone is together for the category's minimum, or for all of the shortest member's need.</summary>
    private static bool GroupSharesEnoughTime(ServiceCategory category, IReadOnlyList<PoolMember> members)
    {
        var shared = members.Skip(1).Aggregate(members[0].Schedule, (acc, m) => acc.Intersect(m.Schedule)).TotalMinutes;
        return shared > 0 && shared >= category.MinSharedMinutesPerWeek;
    }

    private static bool WorkerWeekFits(ServiceCategory category, IReadOnlyList<PoolMember> members, List<(PoolMember a, PoolMember b)> pairs) =>
        pairs.All(p => !p.a.Schedule.Conflicts(p.b.Schedule, category.TravelBufferMinutes)) &&
        members.Sum(m => m.Schedule.TotalMinutes) <= category.MaxWeeklyMinutes;
}
