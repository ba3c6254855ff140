using Will.Marketplace.Domain.Catalog;
using Will.Marketplace.Domain.Common;
using Will.Marketplace.Domain.Geography;
using Will.Marketplace.Domain.Pools;
using Will.Marketplace.Domain.Scheduling;

namespace Will.Marketplace.Domain.Matching;

/// <summary>
/// Where a new request goes: the compatible pool that most needs it (fewest members missing to
/// reach quorum), then the best schedule fit, then the shortest distance; none means a new pool.
/// <see cref="Decide"/> puts families pooled at once first, and a promising group before a spare
/// place (docs/decisions.md, "A partner before a spare place").
/// </summary>
public static class Placement
{
    public static DemandPool? ChooseBest(ServiceCategory category, PoolMember candidate, IEnumerable<DemandPool> pools) =>
        Ranked(category, candidate, pools) is [var best, ..] ? best : null;

    /// <summary>The pools the candidate may join, best first by the documented score.</summary>
    public static IReadOnlyList<DemandPool> Ranked(ServiceCategory category, PoolMember candidate, IEnumerable<DemandPool> pools)
    {
        using var all = new RentedList<DemandPool>(64);
        all.AddRange(pools);
        return Ranked(category, candidate, all.AsSpan());
    }

    private static DemandPool[] Ranked(ServiceCategory category, PoolMember candidate, ReadOnlySpan<DemandPool> all)
    {
        using var found = new RentedList<(DemandPool Pool, PlacementScore Score, int Order)>(16);
        var home = new GeoFrame(candidate.Location);
        var sketch = new NewcomerSketch(category, candidate);
        var near = FitHours(category, sketch.Hours);
        // In steps, each asking for what the next reads before reading any of it (docs/decisions.md, "A decision asks
        // for its pools ahead"): the pools' own fields; then, of the pools the first member's home and the sketch let
        // through, what a full check reads; then what that points to.
        foreach (var pool in all)
        {
            pool.FetchAhead();
        }

        using var maybe = new RentedList<DemandPool>(16);
        foreach (var pool in all)
        {
            // Every member must live within the radius: the first one's home rules most pools out, read
            // from the pool alone, and its sketch most of the rest.
            if (pool.FirstWithin(home, category.RadiusMeters) && pool.CategoryCode == category.Code && pool.MayTake(category, sketch))
            {
                maybe.Add(pool);
                pool.FetchAheadForCheck();
            }
        }

        foreach (var pool in maybe.AsSpan())
        {
            pool.FetchAheadBeyond();
        }

        foreach (var pool in maybe.AsSpan())
        {
            if (pool.Check(category, candidate) == Incompatibility.None)
            {
                found.Add((pool, new PlacementScore(MissingRank(pool), ScheduleFit(category, pool, candidate, near), 0), found.Count));
            }
        }

        var scored = found.AsSpan();
        // The mean distance only breaks ties of the first two: it is measured (trigonometry for each member) only for pools that tie.
        for (var i = 0; i < scored.Length; i++)
        {
            for (var j = 0; j < scored.Length; j++)
            {
                if (i != j && scored[i].Score.MissingToQuorum == scored[j].Score.MissingToQuorum && scored[i].Score.ScheduleFit == scored[j].Score.ScheduleFit)
                {
                    scored[i] = (scored[i].Pool, scored[i].Score with { MeanDistanceMeters = MeanDistance(scored[i].Pool, home) }, scored[i].Order);
                    break;
                }
            }
        }

        scored.Sort(static (a, b) =>
        {
            var order = a.Score.MissingToQuorum.CompareTo(b.Score.MissingToQuorum);
            order = order != 0 ? order : b.Score.ScheduleFit.CompareTo(a.Score.ScheduleFit);
            order = order != 0 ? order : a.Score.MeanDistanceMeters.CompareTo(b.Score.MeanDistanceMeters);
            order = order != 0 ? order : a.Pool.CreatedAt.CompareTo(b.Pool.CreatedAt);
            return order != 0 ? order : a.Order.CompareTo(b.Order);
        });
        if (scored.Length == 0)
        {
            return [];
        }

        var ranked = new DemandPool[scored.Length];
        for (var i = 0; i < ranked.Length; i++)
        {
            ranked[i] = scored[i].Pool;
        }

        return ranked;
    }

    /// <summary>
    /// The placement with look-around: for each compatible pool, and for a new pool, what joining
    /// it and then completing it with waiting families (<see cref="Completion"/>) would pool; the
    /// option that pools most wins. One exception: a spare place in a pool already at quorum (the
    /// newcomer alone pooled) loses to a forming pool where the newcomer makes a promising group
    /// (<see cref="Completion.IsPromising"/>), which keeps the spare place for a family with no such
    /// partner. Ties go by <see cref="ChooseBest"/>'s order, a new pool last.
    /// </summary>
    public static PlacementDecision Decide(ServiceCategory category, PoolMember candidate, IReadOnlyCollection<DemandPool> pools, Guid newPoolId)
    {
        // The pools copied once, and read from the copy: through the interface, each pass over a dictionary's pools boxed an enumerator.
        using var all = new RentedList<DemandPool>(64);
        all.AddRange(pools);
        var compatible = Ranked(category, candidate, all.AsSpan());
        // Waiting families near the newcomer: the only ones a completion could take (all must be within its radius).
        var waiting = Completion.WaitingNear(category, candidate, all.AsSpan(), fittingNear: true);
        PromisingGroups? promising = null;
        PlacementDecision? best = null;
        var bestRank = -1;
        foreach (var pool in compatible)
        {
            var atQuorum = pool.Members.Count >= pool.Quorum;
            var size = pool.Members.Count + 1;

            // The most families this option could pool (every waiting family pulled in), and the promise: one that cannot rank above the best so far is not weighed.
            var most = atQuorum ? 1 + Math.Min(pool.PlacesLeft - 1, waiting.Count) : Math.Min(pool.Capacity, size + waiting.Count);
            if (Math.Max(2 * most, size < category.Quorum ? 3 : 0) <= bestRank)
            {
                continue;
            }

            // The pool's members and the candidate, put together only when a completion or the promise is weighed.
            PoolMember[]? group = null;
            WeeklySchedule? shares = null;
            var moves = waiting.Count == 0
                ? []
                : Completion.Plan(category, group ??= [.. pool.Members, candidate], pool.Id, waiting, shares ??= GroupShares(category, pool, candidate),
                    atQuorum ? promising ??= new PromisingGroups(category, all.AsMemory()) : null);
            var gain = atQuorum ? 1 + moves.Count : size + moves.Count >= pool.Quorum ? size + moves.Count : 0;
            // Twice the families pooled, so that a promising group (none pooled yet) ranks between a spare place (one) and
            // anything more; asked only when that rank would be the best so far.
            var rank = gain == 0 && size < category.Quorum && bestRank < 3 &&
                Completion.IsPromising(category, group ??= [.. pool.Members, candidate], (promising ??= new PromisingGroups(category, all.AsMemory())).Recent, shares ??= GroupShares(category, pool, candidate))
                ? 3
                : 2 * gain;
            if (rank > bestRank)
            {
                (best, bestRank) = (new PlacementDecision(pool, moves, gain), rank);
            }
        }

        // A new pool, likewise, only when with every waiting family pulled in it could rank above the best pool.
        if (best is not null && 2 * (1 + Math.Min(category.Capacity - 1, waiting.Count)) <= bestRank)
        {
            return best;
        }

        var alone = Completion.Plan(category, [candidate], newPoolId, waiting);
        var aloneGain = 1 + alone.Count >= category.Quorum ? 1 + alone.Count : 0;
        return best is null || 2 * aloneGain > bestRank ? new PlacementDecision(null, alone, aloneGain) : best;
    }

    /// <summary>What a pool's members and the newcomer share: the pool's shared time narrowed by the newcomer's (group mode; null for a shared worker).</summary>
    private static WeeklySchedule? GroupShares(ServiceCategory category, DemandPool pool, PoolMember candidate) =>
        pool.SharedSchedule(category)?.Intersect(candidate.Schedule);

    public static PlacementScore Score(ServiceCategory category, DemandPool pool, PoolMember candidate) =>
        new(MissingRank(pool), ScheduleFit(category, pool, candidate, FitHours(category, WeekHours.Touched(candidate.Schedule))), MeanDistance(pool, new GeoFrame(candidate.Location)));

    /// <summary>Families missing to quorum; pools already at quorum rank after those still forming: filling a forming pool pools one more family.</summary>
    private static int MissingRank(DemandPool pool)
    {
        var missing = Math.Max(0, pool.Quorum - pool.Members.Count);
        return missing == 0 ? int.MaxValue : missing;
    }

    /// <summary>A shared worker's schedule fit counts members whose slots come within twice the travel buffer of the newcomer's.</summary>
    private static int FitGapMinutes(ServiceCategory category) => category.TravelBufferMinutes * 2;

    /// <summary>The hours a member's slot must touch to come within the fit's gap of the newcomer's, from the hours the newcomer touches (shared worker; none in group mode).</summary>
    private static WeekHours FitHours(ServiceCategory category, in WeekHours newcomer) =>
        category.Mode == PoolingMode.SharedWorker ? newcomer.Widened(WeekHours.HoursSpanned(FitGapMinutes(category))) : default;

    /// <param name="near">The newcomer's touched hours widened by the fit's gap (<see cref="WeekHours.Widened"/>): a member whose hours miss them is not read.</param>
    private static int ScheduleFit(ServiceCategory category, DemandPool pool, PoolMember candidate, in WeekHours near)
    {
        if (category.Mode == PoolingMode.Group)
        {
            return pool.ScheduleEnvelope(category.Mode).OverlapMinutes(candidate.Schedule);
        }

        var fit = 0;
        var facts = pool.Facts;
        for (var i = 0; i < facts.Length; i++)
        {
            fit -= facts[i].Hours.Overlaps(near) && pool.Members[i].Schedule.Conflicts(candidate.Schedule, FitGapMinutes(category)) ? 1 : 0;
        }

        return fit;
    }

    private static double MeanDistance(DemandPool pool, in GeoFrame home)
    {
        var distance = 0.0;
        foreach (ref readonly var member in pool.Facts)
        {
            distance += home.DistanceMetersTo(member.Location);
        }

        return pool.Members.Count == 0 ? 0 : distance / pool.Members.Count;
    }
}

/// <summary>Where to place: a pool (null: a new one), the waiting families to pull in after, and the families that pools.</summary>
public sealed record PlacementDecision(DemandPool? Pool, IReadOnlyList<PoolMove> Moves, int Gain);

public readonly record struct PlacementScore(int MissingToQuorum, int ScheduleFit, double MeanDistanceMeters);
