using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Will.Marketplace.Infrastructure.Auditing;
using Will.Marketplace.Infrastructure.Identity;

namespace Will.Marketplace.Web.Hosting;

/// <summary>
/// Help-desk (proxy) mode: municipal staff at a desk act for a resident who is not online by sending
/// <c>X-On-Behalf-Of: {userId}</c>. The request then runs as that family, limited to the staff's own
/// municipality, and the audit log names the staff member as actor and the family as the person acted for.
/// </summary>
public static class HelpDeskExtensions
{
    public const string Header = "X-On-Behalf-Of";
    public const string ProxyActorClaim = "proxy_actor";

    public static WebApplication UseHelpDeskMode(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (context.Request.Headers[Header] is not [{ } target, ..])
            {
                await next(context);
                return;
            }

            var staff = context.User;
            var authorization = context.RequestServices.GetRequiredService<IAuthorizationService>();
            if (!(await authorization.AuthorizeAsync(staff, Policies.Staff)).Succeeded || staff.MunicipalityCode() is not { } municipality)
            {
                await context.Audit(new AuditEvent("denied", "help-desk", target[..Math.Min(target.Length, 64)], MunicipalityCode: staff.MunicipalityCode()));
                await Refuse(context, StatusCodes.Status403Forbidden, Localization.Say("Solo il personale comunale può agire per conto di un cittadino.", "Only municipal staff may act for a resident."));
                return;
            }

            var signIn = context.RequestServices.GetRequiredService<SignInManager<AppUser>>();
            var family = Guid.TryParse(target, out var id) ? await signIn.UserManager.FindByIdAsync(id.ToString()) : null;
            if (family is null || family.MunicipalityCode != municipality || !await signIn.UserManager.IsInRoleAsync(family, Roles.Family))
            {
                // Same answer for "no such person" and "not yours": ids of other municipalities reveal nothing.
                await context.Audit(new AuditEvent("denied", "help-desk", target[..Math.Min(target.Length, 64)], MunicipalityCode: municipality));
                await Refuse(context, StatusCodes.Status404NotFound, Localization.Say("Nessun cittadino con questo identificativo nel tuo comune.", "No resident with this id in your municipality."));
                return;
            }

            var principal = await signIn.CreateUserPrincipalAsync(family);
            ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(ProxyActorClaim, staff.UserId().ToString()));
            context.User = principal;
            await next(context);
        });
        return app;
    }

    /// <summary>The staff member behind a help-desk request, if this is one.</summary>
    public static Guid? ProxyActor(this ClaimsPrincipal user) =>
        user.FindFirstValue(ProxyActorClaim) is { } id ? Guid.Parse(id) : null;

    private static Task Refuse(HttpContext context, int status, string title) =>
        TypedResults.Problem(statusCode: status, title: title).ExecuteAsync(context);
}
