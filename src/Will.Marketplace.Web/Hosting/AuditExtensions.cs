using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Will.Marketplace.Infrastructure.Auditing;
using Will.Marketplace.Infrastructure.Identity;

namespace Will.Marketplace.Web.Hosting;

public static class AuditExtensions
{
    public static WebApplicationBuilder AddMarketplaceAudit(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, AuditingAuthorizationResultHandler>();
        return builder;
    }

    /// <summary>Records the event with the caller as actor (or the given user, at sign-in) and the caller's address.</summary>
    public static Task Audit(this HttpContext context, AuditEvent audit, Guid? actorId = null, IReadOnlyList<string>? actorRoles = null)
    {
        var actor = ActorOf(context.User, context.Connection.RemoteIpAddress?.ToString());
        if (actorId is not null || actorRoles is not null)
        {
            actor = actor with { Id = actorId ?? actor.Id, Roles = actorRoles ?? actor.Roles };
        }

        return context.RequestServices.GetRequiredService<AuditTrail>().RecordAsync(actor, audit, context.RequestAborted);
    }

    /// <summary>Who acts: the signed-in user, or in help-desk mode the staff member, with the family as the person acted for.</summary>
    public static AuditActor ActorOf(ClaimsPrincipal user, string? ipAddress) =>
        user.ProxyActor() is { } staff ? new AuditActor(staff, [Roles.Staff], ipAddress, OnBehalfOfId: user.UserId())
        : user.Identity?.IsAuthenticated == true ? new AuditActor(user.UserId(), user.RoleNames(), ipAddress)
        : new AuditActor(null, [], ipAddress);

    /// <summary>Every refusal by an authorization policy is on record, with the endpoint that was refused.</summary>
    private sealed class AuditingAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
    {
        private readonly AuthorizationMiddlewareResultHandler _default = new();

        public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
        {
            if (authorizeResult.Forbidden)
            {
                var endpoint = $"{context.Request.Method} {context.Request.Path}";
                await context.Audit(new AuditEvent("denied", endpoint.Length > 100 ? endpoint[..100] : endpoint, MunicipalityCode: context.User.MunicipalityCode()));
            }

            await _default.HandleAsync(next, context, policy, authorizeResult);
        }
    }
}
