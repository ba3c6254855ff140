using System.Collections.Immutable;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Will.Marketplace.Abstractions.Pools;
using Will.Marketplace.Domain.Bidding;
using Will.Marketplace.Domain.Pools;
using Will.Marketplace.Infrastructure.Auditing;
using Will.Marketplace.Infrastructure.Persistence;
using Will.Marketplace.Infrastructure.Stores;
using Will.Marketplace.Web.Hosting;
using static Will.Marketplace.Web.Hosting.Localization;

namespace Will.Marketplace.Web.Apis;

/// <summary>Sealed bids on pools open for bids, by accredited providers, and the award that follows the deadline.</summary>
public static class BidsApi
{
    public const long MaxPriceCents = 1_000_000;

    public static RouteGroupBuilder MapBidsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/pools/{poolId:guid}").WithTags("Bids");
        api.MapPost("/bids", Submit).WithName("SubmitBid").RequireAuthorization(Policies.Provider);
        api.MapPut("/bids/mine", Revise).WithName("ReviseBid").RequireAuthorization(Policies.Provider);
        api.MapDelete("/bids/mine", Withdraw).WithName("WithdrawBid").RequireAuthorization(Policies.Provider);
        api.MapGet("/bids/mine", Mine).WithName("GetMyBid").RequireAuthorization(Policies.Provider);
        api.MapGet("/award", Award).WithName("GetAward").RequireAuthorization(Policies.SignedIn);
        app.MapGet("/api/v1/bids/mine", Outcomes).WithTags("Bids").WithName("ListMyBids").RequireAuthorization(Policies.Provider);
        return api;
    }

    /// <param name="Outcome">"open" while bidding runs, "won", "not-chosen", "excluded" (the award's ranking left it out), or "closed" (no award: the pool went back to forming).</param>
    /// <param name="Rank">Its place in the award's ranking, of <paramref name="Bidders"/>; its total and the winner's are in hundredths of a point.</param>
    public sealed record BidOutcomeView(Guid PoolId, string CategoryCode, long PriceCents, string Unit, DateTimeOffset SubmittedAt, string Outcome,
        DateTimeOffset? BiddingClosesAt, int? Rank, int? Bidders, int? Total, int? WinnerTotal);

    /// <summary>
    /// The organisation's standing bids, newest first (the latest 200), each with how it fared: a sealed
    /// bid's author learns the outcome, its place and its score against the winner's, never the other
    /// bidders' names.
    /// </summary>
    public static async Task<Ok<List<BidOutcomeView>>> Outcomes(HttpContext context, MarketplaceDbContext db, CancellationToken cancellationToken)
    {
        var providerId = context.User.ProviderId();
        var rows = await (
            from bid in db.Bids.AsNoTracking()
            where bid.ProviderId == providerId && bid.WithdrawnAt == null
            join pool in db.Pools.AsNoTracking() on bid.PoolId equals pool.Id
            join award in db.Awards.AsNoTracking() on bid.PoolId equals award.PoolId into awards
            from award in awards.DefaultIfEmpty()
            orderby bid.SubmittedAt descending
            select new { bid.Id, bid.PoolId, pool.CategoryCode, pool.Status, pool.BiddingClosesAt, bid.PriceCents, bid.Unit, bid.SubmittedAt, Award = award })
            .Take(200)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.Select(row =>
        {
            if (row.Award is null)
            {
                var open = row.Status == PoolStatus.OpenForBids.ToName();
                return new BidOutcomeView(row.PoolId, row.CategoryCode, row.PriceCents, row.Unit, row.SubmittedAt, open ? "open" : "closed", open ? row.BiddingClosesAt : null, null, null, null, null);
            }

            var ranking = AwardBreakdownJson.Read(row.Award.Breakdown).Bids;
            var mine = ranking.FirstOrDefault(b => b.BidId == row.Id);
            var winner = ranking.FirstOrDefault(b => b.ProviderId == row.Award.ProviderId);
            var outcome = row.Award.ProviderId == providerId ? "won" : mine is null ? "excluded" : "not-chosen";
            return new BidOutcomeView(row.PoolId, row.CategoryCode, row.PriceCents, row.Unit, row.SubmittedAt, outcome, null, mine?.Rank, ranking.Count, mine?.Total, winner?.Total);
        }).ToList());
    }

    public sealed record BidBody(long? PriceCents, string? Unit, List<string>? OutcomeCommitments, bool? ContinuityPledge);

    public sealed record BidView(Guid Id, Guid PoolId, long PriceCents, string Unit, IReadOnlyList<string> OutcomeCommitments, bool ContinuityPledge, DateTimeOffset SubmittedAt, DateTimeOffset? BiddingClosesAt);

    public static Task<Results<Created<BidView>, ValidationProblem, NotFound, ProblemHttpResult>> Submit(Guid poolId, BidBody body, HttpContext context, MarketplaceDbContext db, IGrainFactory grains, TimeProvider time, CancellationToken cancellationToken) =>
        Send(poolId, body, revision: false, context, db, grains, time, cancellationToken);

    public static async Task<Results<Ok<BidView>, ValidationProblem, NotFound, ProblemHttpResult>> Revise(Guid poolId, BidBody body, HttpContext context, MarketplaceDbContext db, IGrainFactory grains, TimeProvider time, CancellationToken cancellationToken) =>
        await Send(poolId, body, revision: true, context, db, grains, time, cancellationToken) switch
        {
            { Result: Created<BidView> created } => TypedResults.Ok(created.Value),
            { Result: ValidationProblem problem } => problem,
            { Result: NotFound notFound } => notFound,
            { Result: ProblemHttpResult problem } => problem,
            _ => throw new InvalidOperationException("Unexpected bid result."),
        };

    private static async Task<Results<Created<BidView>, ValidationProblem, NotFound, ProblemHttpResult>> Send(
        Guid poolId, BidBody body, bool revision, HttpContext context, MarketplaceDbContext db, IGrainFactory grains, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = Validate(body);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (!await VisibleToProvider(db, poolId, context, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        var providerId = context.User.ProviderId()!.Value;
        var command = new BidCommand(providerId, body.PriceCents!.Value, body.Unit!, [.. (body.OutcomeCommitments ?? []).Distinct(StringComparer.Ordinal)], body.ContinuityPledge ?? false);
        var outcome = await grains.GetGrain<IDemandPoolGrain>(poolId).SubmitBid(command, revision);
        if (!outcome.Accepted)
        {
            return Refused(outcome.RefusedBecause);
        }

        await context.Audit(new AuditEvent(revision ? "revise" : "create", "bid", outcome.BidId.ToString(), MunicipalityCode: context.User.MunicipalityCode()));
        var view = new BidView(outcome.BidId!.Value, poolId, command.PriceCents, command.Unit, command.OutcomeCommitments, command.ContinuityPledge, time.GetUtcNow(), outcome.BiddingClosesAt);
        return TypedResults.Created($"/api/v1/pools/{poolId}/bids/mine", view);
    }

    public static async Task<Results<NoContent, NotFound, ProblemHttpResult>> Withdraw(Guid poolId, HttpContext context, MarketplaceDbContext db, IGrainFactory grains, CancellationToken cancellationToken)
    {
        if (!await VisibleToProvider(db, poolId, context, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        var outcome = await grains.GetGrain<IDemandPoolGrain>(poolId).WithdrawBid(context.User.ProviderId()!.Value);
        if (!outcome.Accepted)
        {
            return outcome.RefusedBecause == nameof(BidRefusal.NoSuchBid) ? TypedResults.NotFound() : Refused(outcome.RefusedBecause);
        }

        await context.Audit(new AuditEvent("withdraw", "bid", poolId.ToString(), MunicipalityCode: context.User.MunicipalityCode()));
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<BidView>, NotFound>> Mine(Guid poolId, HttpContext context, MarketplaceDbContext db, CancellationToken cancellationToken)
    {
        var providerId = context.User.ProviderId();
        var record = await db.Bids.AsNoTracking().SingleOrDefaultAsync(b => b.PoolId == poolId && b.ProviderId == providerId && b.WithdrawnAt == null, cancellationToken);
        if (record is null)
        {
            return TypedResults.NotFound();
        }

        var closes = await db.Pools.Where(p => p.Id == poolId).Select(p => p.BiddingClosesAt).SingleOrDefaultAsync(cancellationToken);
        var bid = BidRecords.ToDomain(record);
        return TypedResults.Ok(new BidView(bid.Id, poolId, record.PriceCents, record.Unit, [.. bid.OutcomeCommitments.Order(StringComparer.Ordinal)], bid.ContinuityPledge, bid.SubmittedAt, closes));
    }

    public sealed record AwardEntryView(int Rank, string Bidder, bool Winner, long WeeklyCostCents, int PriceScore, int QualityScore, int OutcomeScore, int Total);

    public sealed record AwardView(Guid PoolId, DateTimeOffset AwardedAt, string WinnerName, long WeeklyCostCents, int PriceWeight, int QualityWeight, int OutcomesWeight, IReadOnlyList<AwardEntryView> Bids);

    /// <summary>
    /// The award with its score breakdown, for whoever may see the pool. Staff and administrators see
    /// every bidder's name; families and providers see the winner's, the others by rank only.
    /// </summary>
    public static async Task<Results<Ok<AwardView>, NotFound>> Award(Guid poolId, HttpContext context, MarketplaceDbContext db, CancellationToken cancellationToken)
    {
        var user = context.User;
        var pool = await PoolsApi.Visible(db, user).SingleOrDefaultAsync(p => p.Id == poolId, cancellationToken);
        var award = pool is null ? null : await db.Awards.AsNoTracking().SingleOrDefaultAsync(a => a.PoolId == poolId, cancellationToken);
        if (award is null)
        {
            return TypedResults.NotFound();
        }

        var breakdown = AwardBreakdownJson.Read(award.Breakdown);
        var ids = breakdown.Bids.Select(b => b.ProviderId).ToList();
        var names = await db.Providers.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.LegalName, cancellationToken);
        var seesAll = user.IsInRole(Infrastructure.Identity.Roles.Staff) || user.IsInRole(Infrastructure.Identity.Roles.Admin);
        var entries = breakdown.Bids.Select(b => new AwardEntryView(
            b.Rank,
            b.ProviderId == award.ProviderId || seesAll ? names.GetValueOrDefault(b.ProviderId, "?") : Say($"Offerta n. {b.Rank}", $"Bid no. {b.Rank}"),
            b.ProviderId == award.ProviderId,
            b.WeeklyCostCents,
            b.PriceScore,
            b.QualityScore,
            b.OutcomeScore,
            b.Total)).ToList();
        await context.Audit(new AuditEvent("read", "award", poolId.ToString(), MunicipalityCode: pool!.MunicipalityCode));
        return TypedResults.Ok(new AwardView(poolId, award.AwardedAt, names.GetValueOrDefault(award.ProviderId, "?"), award.WeeklyCostCents,
            breakdown.PriceWeight, breakdown.QualityWeight, breakdown.OutcomesWeight, entries));
    }

    private static Task<bool> VisibleToProvider(MarketplaceDbContext db, Guid poolId, HttpContext context, CancellationToken cancellationToken) =>
        PoolsApi.Visible(db, context.User).AnyAsync(p => p.Id == poolId, cancellationToken);

    private static Dictionary<string, string[]> Validate(BidBody body)
    {
        var errors = new Dictionary<string, string[]>();
        if (body.PriceCents is not (> 0 and <= MaxPriceCents))
        {
            errors["priceCents"] = [Say("Indica un prezzo in centesimi tra 1 e 1.000.000.", "Give a price in cents between 1 and 1,000,000.")];
        }

        if (body.Unit is not ("per-hour" or "per-session"))
        {
            errors["unit"] = [Say("L'unità di prezzo è per-hour o per-session.", "The price unit is per-hour or per-session.")];
        }

        foreach (var (indicator, index) in (body.OutcomeCommitments ?? []).Select((c, i) => (c, i)))
        {
            if (!OutcomeIndicators.All.Contains(indicator ?? ""))
            {
                errors[$"outcomeCommitments[{index}]"] = [Say(
                    $"Indicatore sconosciuto: sono {string.Join(", ", OutcomeIndicators.All)}.",
                    $"Unknown indicator: they are {string.Join(", ", OutcomeIndicators.All)}.")];
            }
        }

        return errors;
    }

    private static ProblemHttpResult Refused(string? reason)
    {
        var (status, italian, english) = reason switch
        {
            nameof(BidRefusal.Late) => (StatusCodes.Status409Conflict, "La scadenza per le offerte è passata.", "The bidding deadline has passed."),
            nameof(BidRefusal.PoolNotOpen) => (StatusCodes.Status409Conflict, "Questo gruppo non è aperto alle offerte.", "This pool is not open for bids."),
            nameof(BidRefusal.Duplicate) => (StatusCodes.Status409Conflict, "Hai già un'offerta su questo gruppo: modificala o ritirala.", "You already have a bid on this pool: revise or withdraw it."),
            nameof(BidRefusal.NoSuchBid) => (StatusCodes.Status404NotFound, "Non hai un'offerta su questo gruppo.", "You have no bid on this pool."),
            nameof(BidRefusal.OverCapacity) => (StatusCodes.Status409Conflict, "Il gruppo ha più famiglie di quante la tua organizzazione possa servire.", "The pool has more families than your organisation can serve."),
            nameof(BidRefusal.NotAccredited) => (StatusCodes.Status403Forbidden, "La tua organizzazione non è accreditata per questo servizio in questo Comune.", "Your organisation is not accredited for this service in this municipality."),
            _ => (StatusCodes.Status400BadRequest, "Offerta non valida.", "Invalid bid."),
        };
        return TypedResults.Problem(statusCode: status, title: Say(italian, english), extensions: new Dictionary<string, object?> { ["reason"] = reason });
    }
}
