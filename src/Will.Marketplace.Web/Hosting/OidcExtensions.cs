using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Will.Marketplace.Web.Hosting;

/// <summary>
/// Section "Authentication:Oidc": production sign-in through an OpenID Connect provider, e.g. an
/// Italian SPID/CIE broker. Off unless an authority is set; local accounts stay for the embedded default.
/// </summary>
public sealed class OidcOptions
{
    public const string Section = "Authentication:Oidc";
    public const string Scheme = "oidc";

    public Uri? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>What the sign-in button says, e.g. "SPID / CIE".</summary>
    public string DisplayName { get; set; } = "SPID / CIE";

    /// <summary>The claim carrying the marketplace role (family, provider, staff); missing means family.</summary>
    public string RoleClaim { get; set; } = "will_role";

    /// <summary>The claim carrying the ISTAT code of the person's municipality.</summary>
    public string MunicipalityClaim { get; set; } = "will_municipality";

    public bool RequireHttpsMetadata { get; set; } = true;

    public bool IsEnabled => Authority is not null;
}

public static class OidcExtensions
{
    /// <summary>Adds the OpenID Connect scheme when configured; its result lands in Identity's external cookie.</summary>
    public static AuthenticationBuilder AddMarketplaceOidc(this AuthenticationBuilder authentication, IConfiguration configuration)
    {
        var options = configuration.GetSection(OidcOptions.Section).Get<OidcOptions>() ?? new OidcOptions();
        authentication.Services.AddSingleton(Options.Create(options));
        if (!options.IsEnabled)
        {
            return authentication;
        }

        if (string.IsNullOrWhiteSpace(options.ClientId))
        {
            throw new InvalidOperationException("Authentication:Oidc:ClientId is required when Authentication:Oidc:Authority is set.");
        }

        return authentication.AddOpenIdConnect(OidcOptions.Scheme, options.DisplayName, o =>
        {
            o.SignInScheme = IdentityConstants.ExternalScheme;
            o.Authority = options.Authority!.ToString();
            o.ClientId = options.ClientId;
            o.ClientSecret = options.ClientSecret;
            o.ResponseType = OpenIdConnectResponseType.Code;
            o.UsePkce = true;
            o.RequireHttpsMetadata = options.RequireHttpsMetadata;
            o.MapInboundClaims = false;
            o.SaveTokens = false;
            o.CallbackPath = "/signin-oidc";

            // Secure whenever the site is on https (as in production); plain http only in local tests.
            o.CorrelationCookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest;
            o.NonceCookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest;
            o.Scope.Clear();
            o.Scope.Add("openid");
            o.Scope.Add("profile");
            o.Scope.Add("email");
        });
    }
}
