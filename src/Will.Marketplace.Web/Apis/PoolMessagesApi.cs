using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Will.Marketplace.Abstractions.Live;
using Will.Marketplace.Infrastructure.Auditing;
using Will.Marketplace.Infrastructure.Persistence;
using Will.Marketplace.Infrastructure.Persistence.Entities;
using Will.Marketplace.Web.Hosting;
using Will.Marketplace.Web.Live;
using static Will.Marketplace.Web.Hosting.Localization;

namespace Will.Marketplace.Web.Apis;

/// <summary>
/// Messages within a pool: its families write to each other (PRODUCT.md, social recomposition). Only
/// the pool's current families read and write; no one is named: each family is "A", "B", … by the
/// order in which it joined, and a family shares its name only if it writes it. A family may report a
/// message to its municipality's staff, who see reported messages only and may hide them.
/// </summary>
public static class PoolMessagesApi
{
    public const string MessageMethod = "poolMessage";

    /// <summary>To the municipality's staff when a family reports a message: its id and pool, never its text.</summary>
    public const string ReportedMethod = "messageReported";

    public sealed record ReportedEvent(Guid PoolId, Guid MessageId);

    /// <summary>How many of the latest messages a thread shows.</summary>
    private const int Latest = 200;

    public static IEndpointRouteBuilder MapPoolMessagesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/pools/{poolId:guid}/messages").WithTags("Pools").RequireAuthorization(Policies.Family);
        api.MapGet("/", List).WithName("ListPoolMessages");
        api.MapPost("/", Post).RequireRateLimiting(SecurityExtensions.WriteLimit).WithName("PostPoolMessage");
        api.MapPost("/{messageId:guid}/report", Report).RequireRateLimiting(SecurityExtensions.WriteLimit).WithName("ReportPoolMessage");
        var staff = app.MapGroup("/api/v1/message-reports").WithTags("Pools").RequireAuthorization(Policies.Staff);
        staff.MapGet("/", Reported).WithName("ListReportedMessages");
        staff.MapPost("/{messageId:guid}/hide", Hide).WithName("HidePoolMessage");
        return app;
    }

    public sealed record NewMessage(string? Text);

    /// <param name="Author">The writer's letter in this pool ("A" joined first).</param>
    /// <param name="Mine">Written by the family reading it.</param>
    /// <param name="Text">Empty once staff hid the message (<paramref name="Hidden"/>).</param>
    /// <param name="Reported">This family reported it to the municipality's staff.</param>
    public sealed record MessageView(Guid Id, Guid PoolId, string Author, bool Mine, string Text, DateTimeOffset SentAt, bool Hidden = false, bool Reported = false);

    /// <summary>A reported message as the municipality's staff see it: only reported ones, writers as letters.</summary>
    public sealed record ReportedMessageView(Guid Id, Guid PoolId, string CategoryCode, string Author, string Text, DateTimeOffset SentAt, DateTimeOffset ReportedAt, DateTimeOffset? HiddenAt);

    public static async Task<Results<Ok<List<MessageView>>, NotFound>> List(Guid poolId, HttpContext context, MarketplaceDbContext db, CancellationToken cancellationToken)
    {
        var familyId = context.User.UserId();
        var letters = await Letters(db, poolId, cancellationToken);
        if (!letters.Current.Contains(familyId))
        {
            return TypedResults.NotFound();
        }

        var messages = await db.PoolMessages.AsNoTracking().Where(m => m.PoolId == poolId)
            .OrderByDescending(m => m.SentAt).ThenByDescending(m => m.Id).Take(Latest).ToListAsync(cancellationToken);
        return TypedResults.Ok(messages.AsEnumerable().Reverse().Select(m => View(m, letters.Of, familyId)).ToList());
    }

    public static async Task<Results<Created<MessageView>, NotFound, ValidationProblem, ProblemHttpResult>> Post(
        Guid poolId, NewMessage body, HttpContext context, MarketplaceDbContext db, TimeProvider time, IHubContext<MarketplaceHub> hub, CancellationToken cancellationToken)
    {
        var familyId = context.User.UserId();
        var letters = await Letters(db, poolId, cancellationToken);
        if (!letters.Current.Contains(familyId))
        {
            return TypedResults.NotFound();
        }

        var text = body.Text?.Trim() ?? "";
        if (text.Length == 0 || text.Length > PoolMessageRecord.MaxTextLength)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["text"] = [text.Length == 0
                    ? Say("Scrivi il messaggio.", "Write the message.")
                    : Say($"Un messaggio può avere al massimo {PoolMessageRecord.MaxTextLength} caratteri.", $"A message can have at most {PoolMessageRecord.MaxTextLength} characters.")],
            });
        }

        var status = await db.Pools.AsNoTracking().Where(p => p.Id == poolId).Select(p => p.Status).SingleAsync(cancellationToken);
        if (status is "closed" or "cancelled")
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
                title: Say("Il gruppo è chiuso: non si possono più scrivere messaggi.", "The pool is closed: no more messages can be written."));
        }

        var message = new PoolMessageRecord { Id = Guid.CreateVersion7(), PoolId = poolId, FamilyId = familyId, Text = text, SentAt = time.GetUtcNow() };
        db.PoolMessages.Add(message);
        await db.SaveChangesAsync(cancellationToken);

        await Push(hub, message, letters, cancellationToken);
        return TypedResults.Created($"/api/v1/pools/{poolId}/messages", View(message, letters.Of, familyId));
    }

    /// <summary>
    /// A family reports another family's message to the municipality's staff, who then see that message
    /// (and no other) and may hide it. Reporting again changes nothing.
    /// </summary>
    public static async Task<Results<NoContent, NotFound, ProblemHttpResult>> Report(
        Guid poolId, Guid messageId, HttpContext context, MarketplaceDbContext db, TimeProvider time, IHubContext<MarketplaceHub> hub, CancellationToken cancellationToken)
    {
        var familyId = context.User.UserId();
        var letters = await Letters(db, poolId, cancellationToken);
        var message = letters.Current.Contains(familyId)
            ? await db.PoolMessages.SingleOrDefaultAsync(m => m.Id == messageId && m.PoolId == poolId, cancellationToken)
            : null;
        if (message is null)
        {
            return TypedResults.NotFound();
        }

        if (message.FamilyId == familyId)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
                title: Say("Non puoi segnalare un tuo messaggio.", "You cannot report your own message."));
        }

        if (message.ReportedAt is null)
        {
            (message.ReportedAt, message.ReportedBy) = (time.GetUtcNow(), familyId);
            await db.SaveChangesAsync(cancellationToken);
            await context.Audit(new AuditEvent("report", "pool-message", message.Id.ToString(), familyId, context.User.MunicipalityCode()));
            await hub.Clients.Group(LiveTarget.Staff(context.User.MunicipalityCode()!).GroupName).SendAsync(ReportedMethod, new ReportedEvent(poolId, message.Id), cancellationToken);
        }

        return TypedResults.NoContent();
    }

    /// <summary>The reported messages of the staff member's municipality, newest reports first (the latest 200).</summary>
    public static async Task<Ok<List<ReportedMessageView>>> Reported(HttpContext context, MarketplaceDbContext db, CancellationToken cancellationToken)
    {
        var municipality = context.User.MunicipalityCode();
        var reported = await (
            from message in db.PoolMessages.AsNoTracking()
            where message.ReportedAt != null
            join pool in db.Pools.AsNoTracking() on message.PoolId equals pool.Id
            where pool.MunicipalityCode == municipality
            orderby message.ReportedAt descending
            select new { Message = message, pool.CategoryCode })
            .Take(200)
            .ToListAsync(cancellationToken);
        var letters = await Letters(db, [.. reported.Select(r => r.Message.PoolId).Distinct()], cancellationToken);
        var views = reported.Select(r => new ReportedMessageView(r.Message.Id, r.Message.PoolId, r.CategoryCode, letters[r.Message.PoolId].Of.GetValueOrDefault(r.Message.FamilyId, "?"),
            r.Message.Text, r.Message.SentAt, r.Message.ReportedAt!.Value, r.Message.HiddenAt)).ToList();
        await context.Audit(new AuditEvent("read", "pool-message", null, MunicipalityCode: municipality));
        return TypedResults.Ok(views);
    }

    /// <summary>Staff hide a reported message of their municipality: its families see that it was removed, not its text.</summary>
    public static async Task<Results<NoContent, NotFound>> Hide(Guid messageId, HttpContext context, MarketplaceDbContext db, TimeProvider time, IHubContext<MarketplaceHub> hub, CancellationToken cancellationToken)
    {
        var municipality = context.User.MunicipalityCode();
        var message = await (
            from m in db.PoolMessages
            where m.Id == messageId && m.ReportedAt != null
            join pool in db.Pools on m.PoolId equals pool.Id
            where pool.MunicipalityCode == municipality
            select m).SingleOrDefaultAsync(cancellationToken);
        if (message is null)
        {
            return TypedResults.NotFound();
        }

        if (message.HiddenAt is null)
        {
            (message.HiddenAt, message.HiddenBy) = (time.GetUtcNow(), context.User.UserId());
            await db.SaveChangesAsync(cancellationToken);
            await context.Audit(new AuditEvent("hide", "pool-message", message.Id.ToString(), message.FamilyId, municipality));
            await Push(hub, message, await Letters(db, message.PoolId, cancellationToken), cancellationToken);
        }

        return TypedResults.NoContent();
    }

    /// <summary>Once saved, each current family hears the message (new, or now hidden), marked as its own for the writer.</summary>
    private static async Task Push(IHubContext<MarketplaceHub> hub, PoolMessageRecord message, (IReadOnlyDictionary<Guid, string> Of, IReadOnlySet<Guid> Current) letters, CancellationToken cancellationToken)
    {
        foreach (var reader in letters.Current)
        {
            await hub.Clients.Group(LiveTarget.User(reader).GroupName).SendAsync(MessageMethod, View(message, letters.Of, reader), cancellationToken);
        }
    }

    private static MessageView View(PoolMessageRecord message, IReadOnlyDictionary<Guid, string> letters, Guid reader) =>
        new(message.Id, message.PoolId, letters.GetValueOrDefault(message.FamilyId, "?"), message.FamilyId == reader,
            message.HiddenAt is null ? message.Text : "", message.SentAt, message.HiddenAt is not null, message.ReportedBy == reader);

    /// <summary>
    /// Every family that was ever in the pool gets a letter by when it first joined ("A", "B", … "Z",
    /// then "AA"); the current families are those still in.
    /// </summary>
    private static async Task<(IReadOnlyDictionary<Guid, string> Of, IReadOnlySet<Guid> Current)> Letters(MarketplaceDbContext db, Guid poolId, CancellationToken cancellationToken) =>
        (await Letters(db, [poolId], cancellationToken)).GetValueOrDefault(poolId, (new Dictionary<Guid, string>(), new HashSet<Guid>()));

    /// <summary><see cref="Letters(MarketplaceDbContext, Guid, CancellationToken)"/> of several pools, read in one query.</summary>
    private static async Task<Dictionary<Guid, (IReadOnlyDictionary<Guid, string> Of, IReadOnlySet<Guid> Current)>> Letters(
        MarketplaceDbContext db, IReadOnlyCollection<Guid> poolIds, CancellationToken cancellationToken)
    {
        var memberships = await db.PoolMemberships.AsNoTracking().Where(m => poolIds.Contains(m.PoolId))
            .Select(m => new { m.PoolId, m.FamilyId, m.JoinedAt, m.LeftAt, m.RequestId }).ToListAsync(cancellationToken);
        return memberships.GroupBy(m => m.PoolId).ToDictionary(pool => pool.Key, pool =>
        {
            var order = pool.GroupBy(m => m.FamilyId)
                .OrderBy(g => g.Min(m => m.JoinedAt)).ThenBy(g => g.Min(m => m.RequestId))
                .Select((g, i) => (g.Key, Letter(i)));
            return ((IReadOnlyDictionary<Guid, string>)order.ToDictionary(x => x.Key, x => x.Item2),
                (IReadOnlySet<Guid>)pool.Where(m => m.LeftAt == null).Select(m => m.FamilyId).ToHashSet());
        });
    }

    private static string Letter(int index) => index < 26 ? ((char)('A' + index)).ToString() : Letter((index / 26) - 1) + Letter(index % 26);
}
