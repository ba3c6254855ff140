using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Will.Marketplace.Infrastructure.Auditing;
using Will.Marketplace.Infrastructure.Persistence;
using Will.Marketplace.Web.Hosting;

namespace Will.Marketplace.Web.Apis;

public sealed record PersonalDataView(
    DateTimeOffset ExportedAt,
    MeView Account,
    IReadOnlyList<RequestView> Requests,
    IReadOnlyList<MembershipView> PoolMemberships,
    IReadOnlyList<AuditEntryView> AccessLog,
    IReadOnlyList<WrittenMessageView> PoolMessages);

public sealed record MembershipView(Guid PoolId, Guid RequestId, DateTimeOffset JoinedAt, DateTimeOffset? LeftAt);

/// <summary>A message the person wrote to a pool's families.</summary>
public sealed record WrittenMessageView(Guid PoolId, string Text, DateTimeOffset SentAt);

/// <summary>The right of access (GDPR art. 15): everything the platform holds about the signed-in person, as JSON.</summary>
public static class PersonalDataApi
{
    public static RouteHandlerBuilder MapPersonalDataApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/account/data", Export)
            .RequireAuthorization(Policies.SignedIn)
            .WithTags("Account")
            .WithName("ExportMyData");

    public static async Task<Results<Ok<PersonalDataView>, UnauthorizedHttpResult>> Export(
        HttpContext context, MarketplaceDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if ((await AccountApi.Me(context.User, db)).Result is not Ok<MeView> { Value: { } account })
        {
            return TypedResults.Unauthorized();
        }

        var requests = await db.Requests.AsNoTracking().Where(r => r.FamilyId == account.Id).OrderBy(r => r.CreatedAt).ToListAsync(cancellationToken);
        var memberships = await db.PoolMemberships.AsNoTracking().Where(m => m.Request.FamilyId == account.Id).OrderBy(m => m.JoinedAt)
            .Select(m => new MembershipView(m.PoolId, m.RequestId, m.JoinedAt, m.LeftAt)).ToListAsync(cancellationToken);
        var accessLog = await db.AuditLog.AsNoTracking().Where(a => a.SubjectId == account.Id || a.ActorId == account.Id || a.OnBehalfOfId == account.Id).OrderBy(a => a.At)
            .Select(AuditEntryView.FromRecord).ToListAsync(cancellationToken);
        var messages = (await db.PoolMessages.AsNoTracking().Where(m => m.FamilyId == account.Id)
            .Select(m => new WrittenMessageView(m.PoolId, m.Text, m.SentAt)).ToListAsync(cancellationToken)).OrderBy(m => m.SentAt).ToList();
        await context.Audit(new AuditEvent("export", "account", account.Id.ToString(), account.Id, account.MunicipalityCode));
        context.Response.Headers.ContentDisposition = "attachment; filename=\"will-marketplace-my-data.json\"";
        return TypedResults.Ok(new PersonalDataView(time.GetUtcNow(), account, [.. requests.Select(RequestView.From)], memberships, accessLog, messages));
    }
}
