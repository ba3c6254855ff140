using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Will.Marketplace.Domain.Pools;
using Will.Marketplace.Infrastructure.Persistence;

namespace Will.Marketplace.Web.Apis;

public sealed record MunicipalityView(string Code, string Name, string Region, double Latitude, double Longitude);

public sealed record CategoryView(
    string Code,
    string PoolingMode,
    int RadiusMeters,
    int Capacity,
    int Quorum,
    int MinSharedMinutesPerWeek,
    IReadOnlyList<string> MatchedAttributes,
    long ReferencePricePerHourCents,
    int StartWindowDays);

public static class ReferenceDataApi
{
    public static RouteGroupBuilder MapReferenceDataApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Reference data").AllowAnonymous();
        api.MapGet("/municipalities", Municipalities).WithName("ListMunicipalities");
        api.MapGet("/categories", Categories).WithName("ListCategories");
        return api;
    }

    public static async Task<Ok<List<MunicipalityView>>> Municipalities(MarketplaceDbContext db) =>
        TypedResults.Ok(await db.Municipalities.AsNoTracking().OrderBy(m => m.Name)
            .Select(m => new MunicipalityView(m.Code, m.Name, m.Region, m.Latitude, m.Longitude)).ToListAsync());

    public static async Task<Ok<List<CategoryView>>> Categories(MarketplaceDbContext db)
    {
        var records = await db.Categories.AsNoTracking().OrderBy(c => c.Code).ToListAsync();
        return TypedResults.Ok(records.Select(c => new CategoryView(
            c.Code, c.PoolingMode, c.RadiusMeters, c.Capacity, c.Quorum, c.MinSharedMinutesPerWeek,
            c.MatchedAttributes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            c.ReferencePricePerHourCents,
            Compatibility.StartWindowDays)).ToList());
    }
}
