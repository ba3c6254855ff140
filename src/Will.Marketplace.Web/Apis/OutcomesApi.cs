using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Will.Marketplace.Abstractions.Billing;
using Will.Marketplace.Abstractions.Live;
using Will.Marketplace.Domain.Common;
using Will.Marketplace.Infrastructure.Billing;
using Will.Marketplace.Infrastructure.Payments;
using Will.Marketplace.Domain.Orders;
using Will.Marketplace.Infrastructure.Auditing;
using Will.Marketplace.Infrastructure.Identity;
using Will.Marketplace.Infrastructure.Persistence;
using Will.Marketplace.Infrastructure.Persistence.Entities;
using Will.Marketplace.Web.Hosting;
using static Will.Marketplace.Web.Hosting.Localization;

namespace Will.Marketplace.Web.Apis;

/// <summary>Outcome-based terms of an order: families rate each month, staff verify, the holdback is released or kept.</summary>
public static class OutcomesApi
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IEndpointRouteBuilder MapOutcomesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/pools/{poolId:guid}/order").WithTags("Outcomes");
        api.MapPost("/ratings", Rate).WithName("RatePeriod").RequireAuthorization(Policies.Family);
        api.MapPut("/periods/{period}", Verify).WithName("VerifyPeriod").RequireAuthorization(Policies.Staff);
        api.MapGet("/periods", Periods).WithName("ListPeriods").RequireAuthorization(Policies.SignedIn);
        return api;
    }

    public sealed record RatingBody(string? Period, int? Score, string? Comment);

    public sealed record FindingBody(bool? Met, string? Reason);

    public sealed record VerifyBody(Dictionary<string, FindingBody>? Indicators);

    public sealed record PeriodView(string Period, int Ratings, int? AverageRatingTenths, bool Verified, bool? HoldbackReleased, IReadOnlyList<IndicatorOutcome>? Outcomes);

    /// <summary>A member family rates a month of the service, from the order's first month to the current one, until staff verify it.</summary>
    public static async Task<Results<NoContent, ValidationProblem, NotFound, ProblemHttpResult>> Rate(
        Guid poolId, RatingBody body, HttpContext context, MarketplaceDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var familyId = context.User.UserId();
        var order = await db.Orders.AsNoTracking().Include(o => o.Members).SingleOrDefaultAsync(o => o.PoolId == poolId, cancellationToken);
        if (order is null || order.Members.All(m => m.FamilyId != familyId))
        {
            return TypedResults.NotFound();
        }

        var errors = new Dictionary<string, string[]>();
        var period = ParsePeriod(body.Period, order.StartsOn, time, errors, "period");
        if (body.Score is not (>= 1 and <= 5))
        {
            errors["score"] = [Say("Il voto va da 1 a 5.", "The score is 1 to 5.")];
        }

        if (body.Comment is { Length: > 1000 })
        {
            errors["comment"] = [Say("Il commento ha al massimo 1000 caratteri.", "The comment has 1,000 characters at most.")];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (await db.OrderPeriods.AnyAsync(p => p.OrderId == order.Id && p.Period == period, cancellationToken))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: Say("Il mese è già stato verificato.", "The month has already been verified."));
        }

        var rating = await db.OrderRatings.SingleOrDefaultAsync(r => r.OrderId == order.Id && r.FamilyId == familyId && r.Period == period, cancellationToken);
        if (rating is null)
        {
            rating = new OrderRatingRecord { OrderId = order.Id, FamilyId = familyId, Period = period! };
            db.OrderRatings.Add(rating);
        }

        (rating.Score, rating.Comment, rating.RatedAt) = (body.Score!.Value, string.IsNullOrWhiteSpace(body.Comment) ? null : body.Comment.Trim(), time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await context.Audit(new AuditEvent("rate", "order", $"{order.Id}/{period}", familyId, context.User.MunicipalityCode()));
        return TypedResults.NoContent();
    }

    /// <summary>Staff verify a month: their findings for continuity and attendance, satisfaction from the ratings; once only.</summary>
    public static async Task<Results<Ok<PeriodView>, ValidationProblem, NotFound, ProblemHttpResult>> Verify(
        Guid poolId, string period, VerifyBody body, HttpContext context, MarketplaceDbContext db, IGrainFactory grains, IOptions<StripeOptions> stripe, TimeProvider time, CancellationToken cancellationToken)
    {
        var municipality = context.User.MunicipalityCode();
        var order = await (from o in db.Orders.AsNoTracking()
                           join p in db.Pools on o.PoolId equals p.Id
                           where o.PoolId == poolId && p.MunicipalityCode == municipality
                           select o).SingleOrDefaultAsync(cancellationToken);
        if (order is null)
        {
            return TypedResults.NotFound();
        }

        var errors = new Dictionary<string, string[]>();
        var month = ParsePeriod(period, order.StartsOn, time, errors, "period");
        var committed = order.OutcomeIndicators.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        var findings = (body.Indicators ?? []).ToDictionary(kv => kv.Key, kv => new StaffFinding(kv.Value?.Met ?? false, kv.Value?.Reason));
        if ((body.Indicators ?? []).Any(kv => kv.Value?.Met is null))
        {
            errors["indicators"] = [Say("Per ogni indicatore indica se è stato raggiunto (met).", "For each indicator say whether it was met (met).")];
        }

        var problem = OutcomeTerms.Check(committed, findings);
        if (problem != VerificationProblem.None)
        {
            errors["indicators"] = [problem switch
            {
                VerificationProblem.IndicatorNotVerified => Say($"Verifica tutti gli indicatori dell'ordine: {string.Join(", ", committed)}.", $"Verify every indicator of the order: {string.Join(", ", committed)}."),
                VerificationProblem.MissedWithoutReason => Say("Un indicatore non raggiunto richiede il motivo.", "A missed indicator needs its reason."),
                _ => Say("Solo gli indicatori dell'ordine, esclusa la soddisfazione (che viene dai voti delle famiglie).", "Only the order's indicators, not satisfaction (it comes from the families' ratings)."),
            }];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (await db.OrderPeriods.AnyAsync(p => p.OrderId == order.Id && p.Period == month, cancellationToken))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: Say("Il mese è già stato verificato.", "The month has already been verified."));
        }

        var ratings = await db.OrderRatings.Where(r => r.OrderId == order.Id && r.Period == month).Select(r => r.Score).ToListAsync(cancellationToken);
        var verdict = OutcomeTerms.Evaluate(committed, ratings, findings);
        db.OrderPeriods.Add(new OrderPeriodRecord
        {
            OrderId = order.Id, Period = month!, Outcomes = JsonSerializer.Serialize(verdict.Outcomes, Json), AverageRatingTenths = verdict.AverageRatingTenths,
            Ratings = verdict.Ratings, HoldbackReleased = verdict.HoldbackReleased, VerifiedAt = time.GetUtcNow(), VerifiedBy = context.User.UserId(),
        });
        var released = verdict.HoldbackReleased ? await HoldbackRelease.AddAsync(db, order, month!, stripe.Value.IsConfigured, time.GetUtcNow(), cancellationToken) : 0;
        await db.SaveChangesAsync(cancellationToken);
        if (released > 0)
        {
            await grains.GetGrain<IBillingGrain>(municipality!).ExecutePayments();
        }

        await context.Audit(new AuditEvent(verdict.HoldbackReleased ? "release-holdback" : "keep-holdback", "order", $"{order.Id}/{month}", MunicipalityCode: municipality));

        // The provider and the families see the month's verdict at once.
        var notice = new PoolNotice(poolId, PoolNotice.OutcomesVerified, "active", null, null);
        var providerStaff = await db.Users.AsNoTracking().Where(u => u.ProviderId == order.ProviderId).Select(u => u.Id).ToListAsync(cancellationToken);
        var families = await db.Set<OrderMemberRecord>().AsNoTracking().Where(m => m.OrderId == order.Id && m.LeftOn == null).Select(m => m.FamilyId).ToListAsync(cancellationToken);
        await grains.GetGrain<IPushNotifierGrain>(0).Publish([new LiveMessage([.. providerStaff.Concat(families).Distinct().Select(LiveTarget.User)], LiveMessage.PoolNoticeMethod, notice)]);
        return TypedResults.Ok(new PeriodView(month!, verdict.Ratings, verdict.AverageRatingTenths, true, verdict.HoldbackReleased, verdict.Outcomes));
    }

    /// <summary>Each month of the order so far: ratings, and the verification once made (members, staff, the provider).</summary>
    public static async Task<Results<Ok<List<PeriodView>>, NotFound>> Periods(Guid poolId, HttpContext context, MarketplaceDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var order = await db.Orders.AsNoTracking().SingleOrDefaultAsync(o => o.PoolId == poolId, cancellationToken);
        if (!await OrdersApi.MaySee(order, context.User, db, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        var verified = await db.OrderPeriods.AsNoTracking().Where(p => p.OrderId == order!.Id).ToDictionaryAsync(p => p.Period, cancellationToken);
        var ratings = (await db.OrderRatings.AsNoTracking().Where(r => r.OrderId == order!.Id).Select(r => new { r.Period, r.Score }).ToListAsync(cancellationToken))
            .ToLookup(r => r.Period, r => r.Score);
        var views = new List<PeriodView>();
        var today = ItalianCalendar.Today(time);
        for (var month = new DateOnly(order!.StartsOn.Year, order.StartsOn.Month, 1); month <= today; month = month.AddMonths(1))
        {
            var key = month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
            views.Add(verified.TryGetValue(key, out var v)
                ? new PeriodView(key, v.Ratings, v.AverageRatingTenths, true, v.HoldbackReleased, JsonSerializer.Deserialize<List<IndicatorOutcome>>(v.Outcomes, Json))
                : new PeriodView(key, ratings[key].Count(), null, false, null, null));
        }

        return TypedResults.Ok(views);
    }

    /// <summary>"yyyy-MM", not before the order's first month and not after the current one.</summary>
    private static string? ParsePeriod(string? text, DateOnly startsOn, TimeProvider time, Dictionary<string, string[]> errors, string field)
    {
        var today = ItalianCalendar.Today(time);
        if (text is { Length: 7 } && DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) &&
            month >= new DateOnly(startsOn.Year, startsOn.Month, 1) && month <= new DateOnly(today.Year, today.Month, 1))
        {
            return text;
        }

        errors[field] = [Say("Il mese è nel formato AAAA-MM, tra l'inizio del servizio e il mese corrente.", "The month is YYYY-MM, from the service's start to the current month.")];
        return null;
    }
}
