using System.Linq.Expressions;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Will.Marketplace.Infrastructure.Persistence;
using Will.Marketplace.Infrastructure.Persistence.Entities;
using Will.Marketplace.Web.Hosting;

namespace Will.Marketplace.Web.Apis;

public sealed record AuditEntryView(Guid Id, DateTimeOffset At, Guid? ActorId, string ActorRoles, Guid? OnBehalfOfId, string Action, string Resource, string? ResourceId, Guid? SubjectId, string? IpAddress)
{
    /// <summary>The one projection of an audit row, usable inside EF Core queries.</summary>
    public static readonly Expression<Func<AuditEntryRecord, AuditEntryView>> FromRecord = a =>
        new AuditEntryView(a.Id, a.At, a.ActorId, a.ActorRoles, a.OnBehalfOfId, a.Action, a.Resource, a.ResourceId, a.SubjectId, a.IpAddress);

    /// <summary>The actor's name (staff read the log by who did what; an id tells them nothing); null when the account is gone.</summary>
    public string? ActorName { get; init; }

    /// <summary>The name of the person the staff member acted for, if any.</summary>
    public string? OnBehalfOfName { get; init; }
}

public static class AuditApi
{
    public static RouteGroupBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/audit").WithTags("Audit").RequireAuthorization(Policies.Staff);
        api.MapGet("/", List).WithName("ListAuditLog");
        return api;
    }

    /// <summary>The municipality's audit log for its staff, newest first; no other municipality's entries.</summary>
    public static async Task<Results<Ok<List<AuditEntryView>>, ValidationProblem>> List(
        DateTimeOffset? from, DateTimeOffset? to, int? take, ClaimsPrincipal user, MarketplaceDbContext db, CancellationToken cancellationToken)
    {
        if (take is < 1 or > 1000)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["take"] = [Localization.Say("take va da 1 a 1000.", "take must be between 1 and 1000.")] });
        }

        var municipality = user.MunicipalityCode();
        var entries = db.AuditLog.AsNoTracking().Where(a => a.MunicipalityCode == municipality);
        if (from is { } start)
        {
            entries = entries.Where(a => a.At >= start.ToUniversalTime());
        }

        if (to is { } end)
        {
            entries = entries.Where(a => a.At < end.ToUniversalTime());
        }

        var log = await entries.OrderByDescending(a => a.At).Take(take ?? 200).Select(AuditEntryView.FromRecord).ToListAsync(cancellationToken);
        var people = log.SelectMany(e => new[] { e.ActorId, e.OnBehalfOfId }).OfType<Guid>().Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => people.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        return TypedResults.Ok(log.ConvertAll(e => e with
        {
            ActorName = e.ActorId is { } actor ? names.GetValueOrDefault(actor) : null,
            OnBehalfOfName = e.OnBehalfOfId is { } person ? names.GetValueOrDefault(person) : null,
        }));
    }
}
