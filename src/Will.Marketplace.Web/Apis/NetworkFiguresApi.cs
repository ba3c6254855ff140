using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Will.Marketplace.Domain.Catalog;
using Will.Marketplace.Domain.Pools;
using Will.Marketplace.Domain.Ports;
using Will.Marketplace.Domain.Pricing;
using Will.Marketplace.Domain.Scheduling;
using Will.Marketplace.Infrastructure.Identity;
using Will.Marketplace.Infrastructure.Persistence;

namespace Will.Marketplace.Web.Apis;

/// <summary>
/// The same figures for every city, side by side, as the municipalities asked (benchmarking): how many
/// of the requests waiting or served are in a pool that goes ahead, how fast pools reach quorum, and what
/// a pooled family saves a month against buying alone (category reference prices). Aggregates only.
/// </summary>
public static class NetworkFiguresApi
{
    public static RouteGroupBuilder MapNetworkFiguresApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/network").WithTags("Network").RequireAuthorization(p => p.RequireRole(Roles.Staff, Roles.Admin));
        api.MapGet("/figures", Figures).WithName("CompareCities");
        return api;
    }

    /// <param name="Requests">Requests still open or pooled (withdrawn and served ones are not counted).</param>
    /// <param name="Pooled">Of those, in a pool at quorum (open for bids, awarded or active).</param>
    /// <param name="PooledPercent">Pooled ÷ requests, rounded; null with no request.</param>
    /// <param name="MedianHoursToQuorum">From a pool's start to its quorum, over the pools that reached it; null with none.</param>
    /// <param name="AverageMonthlySavingCents">Per pooled family, alone minus at its pool's size; null with none pooled.</param>
    public sealed record CityFiguresView(
        string MunicipalityCode, string Name, int Requests, int Pooled, int Waiting, int? PooledPercent,
        int PoolsForming, int PoolsOpenForBids, int PoolsAwarded, int PoolsActive, double? MedianHoursToQuorum, long? AverageMonthlySavingCents);

    private static readonly string[] GoingAhead = [PoolStatus.OpenForBids.ToName(), PoolStatus.Awarded.ToName(), PoolStatus.Active.ToName()];

    public static async Task<Ok<List<CityFiguresView>>> Figures(MarketplaceDbContext db, ICategoryCatalog catalog, CancellationToken cancellationToken)
    {
        var cities = await db.Municipalities.AsNoTracking().OrderBy(m => m.Name).Select(m => new { m.Code, m.Name }).ToListAsync(cancellationToken);
        var requests = await db.Requests.AsNoTracking().Where(r => r.Status == "open" || r.Status == "pooled")
            .GroupBy(r => r.MunicipalityCode).Select(g => new { Code = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Code, g => g.Count, cancellationToken);
        var pools = (await db.Pools.AsNoTracking().GroupBy(p => new { p.MunicipalityCode, p.Status })
            .Select(g => new { g.Key.MunicipalityCode, g.Key.Status, Count = g.Count() }).ToListAsync(cancellationToken))
            .ToDictionary(g => (g.MunicipalityCode, g.Status), g => g.Count);
        var quorumTimes = (await db.Pools.AsNoTracking().Where(p => p.QuorumReachedAt != null)
            .Select(p => new { p.MunicipalityCode, p.CreatedAt, ReachedAt = p.QuorumReachedAt!.Value }).ToListAsync(cancellationToken))
            .ToLookup(q => q.MunicipalityCode, q => (q.ReachedAt - q.CreatedAt).TotalHours);
        var pooled = (await (
            from request in db.Requests.AsNoTracking()
            where request.Status == "pooled"
            join pool in db.Pools.AsNoTracking() on request.PoolId equals pool.Id
            select new { request.MunicipalityCode, request.CategoryCode, request.Schedule, pool.Status, pool.MemberCount }).ToListAsync(cancellationToken))
            .ToLookup(p => p.MunicipalityCode);

        var figures = new List<CityFiguresView>(cities.Count);
        foreach (var city in cities)
        {
            int PoolsIn(PoolStatus status) => pools.GetValueOrDefault((city.Code, status.ToName()));
            var going = pooled[city.Code].Where(p => GoingAhead.Contains(p.Status)).ToList();
            var waiting = pooled[city.Code].Count(p => p.Status == PoolStatus.Forming.ToName());
            var count = requests.GetValueOrDefault(city.Code);
            var savings = new List<long>(going.Count);
            var categories = new Dictionary<string, ServiceCategory?>();
            foreach (var family in going)
            {
                if (!categories.TryGetValue(family.CategoryCode, out var category))
                {
                    categories[family.CategoryCode] = category = await catalog.FindAsync(city.Code, family.CategoryCode, cancellationToken);
                }

                if (category is not null)
                {
                    var minutes = WeeklySchedule.Parse(family.Schedule).TotalMinutes;
                    savings.Add(PriceEstimate.MonthlyFor(category, minutes, 1).Cents - PriceEstimate.MonthlyFor(category, minutes, Math.Max(1, family.MemberCount)).Cents);
                }
            }

            var hours = quorumTimes[city.Code].Order().ToList();
            figures.Add(new CityFiguresView(
                city.Code, city.Name, count, going.Count, waiting, count == 0 ? null : (int)Math.Round(100.0 * going.Count / count),
                PoolsIn(PoolStatus.Forming), PoolsIn(PoolStatus.OpenForBids), PoolsIn(PoolStatus.Awarded), PoolsIn(PoolStatus.Active),
                hours.Count == 0 ? null : Median(hours), savings.Count == 0 ? null : (long)Math.Round(savings.Average())));
        }

        return TypedResults.Ok(figures);
    }

    private static double Median(List<double> sorted) =>
        sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}
