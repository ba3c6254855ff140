using Will.Marketplace.Domain.Catalog;
using Will.Marketplace.Domain.Pools;

namespace Will.Marketplace.Domain.Matching;

/// <summary>
/// Where a new request goes: the compatible pool that most needs it (fewest members missing to
/// reach quorum), then the best schedule fit, then the shortest distance; none means a new pool.
/// </summary>
public static class Placement
{
    public static DemandPool? ChooseBest(ServiceCategory category, PoolMember candidate, IEnumerable<DemandPool> pools) =>
        pools
            .Where(p => p.CategoryCode == category.Code && p.Check(category, candidate) == Incompatibility.None)
            .Select(p => (Pool: p, Score: Score(category, p, candidate)))
            .OrderBy(x => x.Score.MissingToQuorum)
            .ThenByDescending(x => x.Score.ScheduleFit)
            .ThenBy(x => x.Score.MeanDistanceMeters)
            .ThenBy(x => x.Pool.CreatedAt)
            .Select(x => x.Pool)
            .FirstOrDefault();

    public static PlacementScore Score(ServiceCategory category, DemandPool pool, PoolMember candidate)
    {
        // Pools already at quorum rank after those still forming: filling a forming pool pools one more family.
        var missing = Math.Max(0, pool.Quorum - pool.Members.Count);
        var missingRank = missing == 0 ? int.MaxValue : missing;
        var fit = category.Mode == PoolingMode.Group
            ? pool.ScheduleEnvelope(category.Mode).OverlapMinutes(candidate.Schedule)
            : -pool.Members.Count(m => m.Schedule.Conflicts(candidate.Schedule, category.TravelBufferMinutes * 2));
        var distance = pool.Members.Count == 0 ? 0 : pool.Members.Average(m => m.Location.DistanceMetersTo(candidate.Location));
        return new PlacementScore(missingRank, fit, distance);
    }
}

public readonly record struct PlacementScore(int MissingToQuorum, int ScheduleFit, double MeanDistanceMeters);
