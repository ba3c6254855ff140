using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Will.Marketplace.Infrastructure.Auditing;
using Will.Marketplace.Infrastructure.Identity;
using Will.Marketplace.Infrastructure.Persistence;
using Will.Marketplace.Web.Hosting;

namespace Will.Marketplace.Web.Apis;

public sealed record ExternalProviderView(string Scheme, string DisplayName, string LoginUrl);

/// <summary>
/// Sign-in through the configured OpenID Connect provider. The provider's role and municipality
/// claims are mapped onto the local account at every sign-in, so the provider stays the authority.
/// </summary>
public static class ExternalLoginApi
{
    private static readonly string[] MappableRoles = [Roles.Family, Roles.Provider, Roles.Staff];

    public static RouteGroupBuilder MapExternalLoginApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/account/external").WithTags("Account").AllowAnonymous();
        api.MapGet("/providers", Providers).WithName("ExternalProviders");
        api.MapGet("/login", Login).RequireRateLimiting(SecurityExtensions.SignInLimit).WithName("ExternalLogin");
        api.MapGet("/callback", Callback).WithName("ExternalLoginCallback");
        return api;
    }

    public static Ok<List<ExternalProviderView>> Providers(IOptions<OidcOptions> oidc) =>
        TypedResults.Ok(oidc.Value.IsEnabled
            ? [new ExternalProviderView(OidcOptions.Scheme, oidc.Value.DisplayName, "/api/v1/account/external/login")]
            : new List<ExternalProviderView>());

    public static Results<ChallengeHttpResult, NotFound> Login(string? returnUrl, IOptions<OidcOptions> oidc)
    {
        if (!oidc.Value.IsEnabled)
        {
            return TypedResults.NotFound();
        }

        var properties = new AuthenticationProperties { RedirectUri = $"/api/v1/account/external/callback?returnUrl={Uri.EscapeDataString(LocalOnly(returnUrl))}" };
        properties.Items["LoginProvider"] = OidcOptions.Scheme;
        return TypedResults.Challenge(properties, [OidcOptions.Scheme]);
    }

    public static async Task<RedirectHttpResult> Callback(
        string? returnUrl, HttpContext context, SignInManager<AppUser> signIn, MarketplaceDbContext db, IOptions<OidcOptions> oidc)
    {
        var info = await signIn.GetExternalLoginInfoAsync();
        if (info is null)
        {
            return TypedResults.LocalRedirect("/#/login?error=external");
        }

        var claims = info.Principal;
        var municipality = claims.FindFirstValue(oidc.Value.MunicipalityClaim);
        var role = claims.FindFirstValue(oidc.Value.RoleClaim) ?? Roles.Family;
        if (municipality is null || !MappableRoles.Contains(role) || !await db.Municipalities.AnyAsync(m => m.Code == municipality))
        {
            await context.SignOutAsync(IdentityConstants.ExternalScheme);
            await context.Audit(new AuditEvent("sign-in-failed", "account", $"{info.LoginProvider}:{info.ProviderKey}", MunicipalityCode: municipality));
            return TypedResults.LocalRedirect("/#/login?error=external");
        }

        var users = signIn.UserManager;
        var user = await users.FindByLoginAsync(info.LoginProvider, info.ProviderKey);
        if (user is null)
        {
            var email = claims.FindFirstValue("email");
            user = new AppUser
            {
                UserName = email ?? $"{info.ProviderKey}@{info.LoginProvider}.invalid",
                Email = email,
                EmailConfirmed = email is not null,
            };
            Ensure(await users.CreateAsync(user));
            Ensure(await users.AddLoginAsync(user, info));
        }

        user.DisplayName = claims.FindFirstValue("name") ?? $"{claims.FindFirstValue("given_name")} {claims.FindFirstValue("family_name")}".Trim();
        user.MunicipalityCode = municipality;
        Ensure(await users.UpdateAsync(user));
        var current = await users.GetRolesAsync(user);
        Ensure(await users.RemoveFromRolesAsync(user, current.Where(r => r != role)));
        if (!current.Contains(role))
        {
            Ensure(await users.AddToRoleAsync(user, role));
        }

        await context.SignOutAsync(IdentityConstants.ExternalScheme);

        // A provider that authenticated with a second factor (SPID level 2 and up, CIE) says so in amr.
        var secondFactor = claims.FindAll("amr").Any(c => c.Value is "mfa" or "otp" or "hwk" or "sc");
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, secondFactor ? [new Claim("amr", "mfa")] : []);
        await context.Audit(new AuditEvent("sign-in", "account", info.LoginProvider, user.Id, municipality), actorId: user.Id, actorRoles: [role]);
        return TypedResults.LocalRedirect(LocalOnly(returnUrl));
    }

    /// <summary>Only paths of this site: an open redirect would hand the session to another one.</summary>
    private static string LocalOnly(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url
            : "/";

    private static void Ensure(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Could not update the account: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
