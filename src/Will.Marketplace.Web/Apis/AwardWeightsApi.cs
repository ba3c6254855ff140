using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Will.Marketplace.Domain.Bidding;
using Will.Marketplace.Infrastructure.Auditing;
using Will.Marketplace.Infrastructure.Persistence;
using Will.Marketplace.Infrastructure.Persistence.Entities;
using Will.Marketplace.Web.Hosting;
using static Will.Marketplace.Web.Hosting.Localization;

namespace Will.Marketplace.Web.Apis;

/// <summary>Each municipality sets how it weighs price, quality and outcomes when it awards a category.</summary>
public static class AwardWeightsApi
{
    public static RouteGroupBuilder MapAwardWeightsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/award-weights").WithTags("Award weights").RequireAuthorization(Policies.Staff);
        api.MapGet("/", List).WithName("ListAwardWeights");
        api.MapPut("/{category}", Set).WithName("SetAwardWeights");
        return api;
    }

    public sealed record WeightsView(string CategoryCode, int Price, int Quality, int Outcomes, bool IsDefault);

    public sealed record WeightsBody(int? Price, int? Quality, int? Outcomes);

    public static async Task<Ok<List<WeightsView>>> List(HttpContext context, MarketplaceDbContext db, CancellationToken cancellationToken)
    {
        var municipality = context.User.MunicipalityCode()!;
        var set = await db.AwardWeights.AsNoTracking().Where(w => w.MunicipalityCode == municipality).ToDictionaryAsync(w => w.CategoryCode, cancellationToken);
        var categories = await db.Categories.AsNoTracking().OrderBy(c => c.Code).Select(c => c.Code).ToListAsync(cancellationToken);
        var d = AwardWeights.Default;
        return TypedResults.Ok(categories.Select(c => set.TryGetValue(c, out var w)
            ? new WeightsView(c, w.Price, w.Quality, w.Outcomes, false)
            : new WeightsView(c, d.Price, d.Quality, d.Outcomes, true)).ToList());
    }

    /// <summary>Applies to awards decided from now on; awards already made keep the weights they were scored with.</summary>
    public static async Task<Results<Ok<WeightsView>, ValidationProblem, NotFound>> Set(string category, WeightsBody body, HttpContext context, MarketplaceDbContext db, CancellationToken cancellationToken)
    {
        var municipality = context.User.MunicipalityCode()!;
        if (!await db.Categories.AnyAsync(c => c.Code == category, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        var weights = new AwardWeights(body.Price ?? -1, body.Quality ?? -1, body.Outcomes ?? -1);
        if (!weights.IsValid)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["weights"] = [Say("I pesi di prezzo, qualità e risultati sono numeri non negativi che sommano a 100.", "The price, quality and outcome weights are non-negative numbers adding up to 100.")],
            });
        }

        var record = await db.AwardWeights.SingleOrDefaultAsync(w => w.MunicipalityCode == municipality && w.CategoryCode == category, cancellationToken);
        if (record is null)
        {
            record = new AwardWeightsRecord { MunicipalityCode = municipality, CategoryCode = category };
            db.AwardWeights.Add(record);
        }

        (record.Price, record.Quality, record.Outcomes) = (weights.Price, weights.Quality, weights.Outcomes);
        await db.SaveChangesAsync(cancellationToken);
        await context.Audit(new AuditEvent("set-weights", "award-weights", category, MunicipalityCode: municipality));
        return TypedResults.Ok(new WeightsView(category, weights.Price, weights.Quality, weights.Outcomes, false));
    }
}
