using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Will.Marketplace.Infrastructure.Auditing;
using Will.Marketplace.Infrastructure.Identity;
using Will.Marketplace.Infrastructure.Persistence;
using Will.Marketplace.Web.Hosting;
using static Will.Marketplace.Web.Hosting.Localization;

namespace Will.Marketplace.Web.Apis;

public sealed record LoginBody(string? Email, string? Password, string? TwoFactorCode = null, string? TwoFactorRecoveryCode = null);

public sealed record RefreshBody(string? RefreshToken);

public sealed record AntiforgeryTokenView(string Token, string HeaderName);

public sealed record MeView(Guid Id, string Email, string DisplayName, IReadOnlyList<string> Roles, string? MunicipalityCode, string? MunicipalityName);

public static class AccountApi
{
    public static RouteGroupBuilder MapAccountApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/account").WithTags("Account");
        api.MapPost("/login", Login).AllowAnonymous().RequireRateLimiting(SecurityExtensions.SignInLimit).WithName("Login");
        api.MapPost("/refresh", Refresh).AllowAnonymous().RequireRateLimiting(SecurityExtensions.SignInLimit).WithName("RefreshToken");
        api.MapGet("/antiforgery", AntiforgeryToken).RequireAuthorization(Policies.SignedIn).WithName("AntiforgeryToken");
        api.MapPost("/logout", Logout).RequireAuthorization(Policies.SignedIn).WithName("Logout");
        api.MapGet("/me", Me).RequireAuthorization(Policies.SignedIn).WithName("Me");
        return api;
    }

    /// <summary>Bearer token by default; <c>?useCookies=true</c> sets the browser's cookie instead.</summary>
    public static async Task<Results<EmptyHttpResult, ValidationProblem, ProblemHttpResult>> Login(
        LoginBody body, bool? useCookies, SignInManager<AppUser> signIn, HttpContext context)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body.Email) || body.Email.Length > 256)
        {
            errors["email"] = [Say("Scrivi l'indirizzo e-mail del tuo account.", "Enter the e-mail address of your account.")];
        }

        if (string.IsNullOrEmpty(body.Password) || body.Password.Length > 256)
        {
            errors["password"] = [Say("Scrivi la password.", "Enter your password.")];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        signIn.AuthenticationScheme = useCookies == true ? IdentityConstants.ApplicationScheme : IdentityConstants.BearerScheme;
        var result = await signIn.PasswordSignInAsync(body.Email!, body.Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
        {
            if (!string.IsNullOrEmpty(body.TwoFactorCode))
            {
                result = await signIn.TwoFactorAuthenticatorSignInAsync(body.TwoFactorCode, isPersistent: false, rememberClient: false);
            }
            else if (!string.IsNullOrEmpty(body.TwoFactorRecoveryCode))
            {
                result = await signIn.TwoFactorRecoveryCodeSignInAsync(body.TwoFactorRecoveryCode);
            }
        }

        var account = await signIn.UserManager.FindByNameAsync(body.Email!);
        await context.Audit(
            new AuditEvent(result.Succeeded ? "sign-in" : "sign-in-failed", "account", body.Email, account?.Id, account?.MunicipalityCode),
            actorId: result.Succeeded ? account?.Id : null,
            actorRoles: result.Succeeded && account is not null ? [.. await signIn.UserManager.GetRolesAsync(account)] : []);
        if (result.Succeeded)
        {
            // The bearer handler has written the token response; the cookie handler has set the cookie.
            return TypedResults.Empty;
        }

        if (result.RequiresTwoFactor)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: Say("Serve il codice dell'app di autenticazione.", "The code from your authenticator app is needed."),
                extensions: new Dictionary<string, object?> { ["requiresTwoFactor"] = true });
        }

        return TypedResults.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            title: Say("Accesso non riuscito.", "Sign-in failed."),
            detail: result.IsLockedOut
                ? Say("Troppi tentativi non riusciti: l'account è bloccato per qualche minuto.", "Too many failed attempts: the account is locked for a while.")
                : Say("L'e-mail o la password non sono corrette.", "The e-mail or the password is not right."));
    }

    public static async Task<Results<SignInHttpResult, UnauthorizedHttpResult, ValidationProblem>> Refresh(
        RefreshBody body, IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider time, SignInManager<AppUser> signIn)
    {
        if (string.IsNullOrWhiteSpace(body.RefreshToken))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["refreshToken"] = [Say("Serve un refresh token.", "A refresh token is required.")] });
        }

        var ticket = bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(body.RefreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires || time.GetUtcNow() >= expires ||
            await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        var principal = await signIn.CreateUserPrincipalAsync(user);
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }

    /// <summary>The token a cookie-signed-in browser sends as X-XSRF-TOKEN with every write.</summary>
    public static Ok<AntiforgeryTokenView> AntiforgeryToken(HttpContext context, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        return TypedResults.Ok(new AntiforgeryTokenView(tokens.RequestToken!, SecurityExtensions.AntiforgeryHeader));
    }

    public static async Task<NoContent> Logout(SignInManager<AppUser> signIn, HttpContext context)
    {
        await context.Audit(new AuditEvent("sign-out", "account", SubjectId: context.User.UserId(), MunicipalityCode: context.User.MunicipalityCode()));
        await signIn.SignOutAsync();
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<MeView>, UnauthorizedHttpResult>> Me(ClaimsPrincipal principal, MarketplaceDbContext db)
    {
        var id = principal.UserId();
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id);
        if (user is null)
        {
            return TypedResults.Unauthorized();
        }

        var municipality = user.MunicipalityCode is null ? null : await db.Municipalities.AsNoTracking().SingleOrDefaultAsync(m => m.Code == user.MunicipalityCode);
        var roles = principal.RoleNames();
        return TypedResults.Ok(new MeView(user.Id, user.Email ?? "", user.DisplayName, roles, user.MunicipalityCode, municipality?.Name));
    }
}
