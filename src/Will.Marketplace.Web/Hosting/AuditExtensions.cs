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
        var user = context.User;
        var signedIn = user.Identity?.IsAuthenticated == true;
        var ip = context.Connection.RemoteIpAddress?.ToString();

        // In help-desk mode the actor is the staff member; the family is who they acted for.
        var actor = user.ProxyActor() is { } staff
            ? new AuditActor(staff, [Roles.Staff], ip, OnBehalfOfId: user.UserId())
            : new AuditActor(
                actorId ?? (signedIn ? user.UserId() : null),
                actorRoles ?? (signedIn ? [.. user.FindAll(ClaimTypes.Role).Select(c => c.Value)] : []),
                ip);
        return context.RequestServices.GetRequiredService<AuditTrail>().RecordAsync(actor, audit, context.RequestAborted);
    }

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
