using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Will.Marketplace.Domain.Catalog;
using Will.Marketplace.Domain.Common;
using Will.Marketplace.Domain.Ports;
using Will.Marketplace.Domain.Scheduling;
using Will.Marketplace.Infrastructure.Identity;
using Will.Marketplace.Infrastructure.Persistence;
using Will.Marketplace.Web.Hosting;
using static Will.Marketplace.Web.Hosting.Localization;

namespace Will.Marketplace.Web.Apis;

/// <summary>
/// A running order's sessions as an iCalendar file (RFC 5545), for a calendar app: weekly events in
/// Italian time from the day the order starts. A family gets its own: from the day it joined, and, when
/// one worker shares its week among households, only its own visits.
/// </summary>
public static class CalendarApi
{
    private const string ItalianTime = ItalianCalendar.TimeZoneId;

    public static IEndpointRouteBuilder MapCalendarApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/pools/{poolId:guid}/order/calendar.ics", Get).WithTags("Orders").WithName("GetOrderCalendar").RequireAuthorization(Policies.SignedIn);
        return app;
    }

    public static async Task<Results<FileContentHttpResult, NotFound>> Get(Guid poolId, HttpContext context, MarketplaceDbContext db, ICategoryCatalog catalog, CancellationToken cancellationToken)
    {
        var user = context.User;
        var order = await db.Orders.AsNoTracking().Include(o => o.Members).SingleOrDefaultAsync(o => o.PoolId == poolId, cancellationToken);
        if (!await OrdersApi.MaySee(order, user, db, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        var pool = await db.Pools.AsNoTracking().Where(p => p.Id == poolId).Select(p => new { p.MunicipalityCode, p.CategoryCode }).SingleAsync(cancellationToken);
        var category = await catalog.FindAsync(pool.MunicipalityCode, pool.CategoryCode, cancellationToken);
        var provider = await db.Providers.AsNoTracking().Where(p => p.Id == order!.ProviderId).Select(p => p.LegalName).SingleAsync(cancellationToken);

        var schedule = WeeklySchedule.Parse(order!.Schedule);
        var from = order.StartsOn;
        if (user.IsInRole(Roles.Family))
        {
            var familyId = user.UserId();
            var mine = order.Members.Where(m => m.FamilyId == familyId && m.LeftOn is null).ToList();
            if (mine.Count == 0)
            {
                return TypedResults.NotFound();
            }

            var joined = mine.Min(m => m.JoinedOn);
            from = joined > from ? joined : from;
            if (category?.Mode == PoolingMode.SharedWorker)
            {
                var ids = mine.Select(m => m.RequestId).ToList();
                var own = await db.Requests.AsNoTracking().Where(r => ids.Contains(r.Id)).Select(r => r.Schedule).ToListAsync(cancellationToken);
                schedule = own.Select(WeeklySchedule.Parse).Aggregate(WeeklySchedule.Empty, (all, next) => all.Union(next));
            }
        }

        var calendar = new Calendar();
        calendar.AddTimeZone(ItalianTime);
        var title = $"{CategoryName(pool.CategoryCode)} · {provider}";
        foreach (var slot in schedule.Slots)
        {
            var day = from;
            while (day.DayOfWeek != slot.Day)
            {
                day = day.AddDays(1);
            }

            var rule = new RecurrencePattern(FrequencyType.Weekly);
            rule.ByDay.Add(new WeekDay(slot.Day));
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"{order.Id:N}-{slot.Day.ToString().ToLowerInvariant()}-{slot.StartText.Replace(":", "", StringComparison.Ordinal)}@will.marketplace",
                Summary = title,
                Description = Say(
                    $"Servizio condiviso di Will.Marketplace, ogni settimana dal {from:dd/MM/yyyy}. Orari in ora italiana.",
                    $"Shared service through Will.Marketplace, every week from {from:yyyy-MM-dd}. Times are Italian time."),
                DtStart = new CalDateTime(day.ToDateTime(TimeOnly.MinValue).AddMinutes(slot.StartMinute), ItalianTime),
                // A slot may end at 24:00: midnight of the next day.
                DtEnd = new CalDateTime(day.ToDateTime(TimeOnly.MinValue).AddMinutes(slot.EndMinute), ItalianTime),
                RecurrenceRule = rule,
            });
        }

        var text = new CalendarSerializer().SerializeToString(calendar) ?? "";
        return TypedResults.File(Encoding.UTF8.GetBytes(text), "text/calendar; charset=utf-8", Say("servizio.ics", "service.ics"));
    }

    /// <summary>The category's name as the browser app shows it.</summary>
    private static string CategoryName(string code) => code switch
    {
        "home-care-elderly" => Say("Assistenza domiciliare anziani", "Home care for the elderly"),
        "home-help" => Say("Aiuto domestico", "Home help"),
        "after-school" => Say("Doposcuola", "After-school care"),
        "nanny-share" => Say("Tata condivisa", "Nanny share"),
        "elderly-day-activities" => Say("Attività diurne per anziani", "Day activities for the elderly"),
        "escort-transport" => Say("Accompagnamento e trasporto", "Escort and transport"),
        _ => code,
    };
}
