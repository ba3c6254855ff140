using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Will.Marketplace.Infrastructure.Identity;
using Will.Marketplace.Web.Hosting;
using static Will.Marketplace.Web.Hosting.Localization;

namespace Will.Marketplace.Web.Apis;

public sealed record TwoFactorSetupView(string SharedKey, string AuthenticatorUri);

public sealed record TwoFactorEnableBody(string? Code);

public sealed record RecoveryCodesView(IReadOnlyList<string> RecoveryCodes);

/// <summary>
/// A second factor (TOTP authenticator app). Municipal staff must use one when
/// Security:RequireStaffTwoFactor is on (the default outside development): their staff rights need a
/// session opened with it.
/// </summary>
public static class TwoFactor
{
    public const string RequireForStaffKey = "Security:RequireStaffTwoFactor";

    public static RouteGroupBuilder MapTwoFactorApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/account/2fa").WithTags("Account").RequireAuthorization(Policies.SignedIn);
        api.MapPost("/setup", Setup).WithName("SetUpTwoFactor");
        api.MapPost("/enable", Enable).RequireRateLimiting(SecurityExtensions.SignInLimit).WithName("EnableTwoFactor");
        return api;
    }

    /// <summary>A new authenticator key, as text and as an otpauth:// URI for a QR code.</summary>
    public static async Task<Results<Ok<TwoFactorSetupView>, UnauthorizedHttpResult>> Setup(ClaimsPrincipal principal, UserManager<AppUser> users)
    {
        if (await users.GetUserAsync(principal) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        await users.ResetAuthenticatorKeyAsync(user);
        var key = (await users.GetAuthenticatorKeyAsync(user))!;
        var uri = $"otpauth://totp/{UrlEncoder.Default.Encode("Will.Marketplace")}:{UrlEncoder.Default.Encode(user.Email!)}?secret={key}&issuer={UrlEncoder.Default.Encode("Will.Marketplace")}&digits=6";
        return TypedResults.Ok(new TwoFactorSetupView(key, uri));
    }

    /// <summary>Turns the second factor on once a code from the app proves the key was stored; answers the recovery codes.</summary>
    public static async Task<Results<Ok<RecoveryCodesView>, ValidationProblem, UnauthorizedHttpResult>> Enable(
        TwoFactorEnableBody body, ClaimsPrincipal principal, UserManager<AppUser> users)
    {
        if (await users.GetUserAsync(principal) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        var code = body.Code?.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (string.IsNullOrEmpty(code) || code.Length > 10 ||
            !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["code"] = [Say("Il codice non è corretto o è scaduto.", "The code is wrong or has expired.")],
            });
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        var recovery = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10);
        return TypedResults.Ok(new RecoveryCodesView([.. recovery!]));
    }
}
