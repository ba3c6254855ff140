using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Will.Marketplace.Infrastructure.Identity;
using Will.Marketplace.Infrastructure.Persistence;

namespace Will.Marketplace.Web.Hosting;

public static class Policies
{
    public const string Family = "family";
    public const string Staff = "staff";
    public const string Provider = "provider";
    public const string SignedIn = "signed-in";
}

public static class IdentityExtensions
{
    private const string CookieOrBearer = "cookie-or-bearer";

    /// <summary>
    /// Local accounts (ASP.NET Core Identity on EF Core): a cookie for the browser app, bearer tokens
    /// for API clients; the request picks the scheme by whether it carries a token.
    /// </summary>
    public static WebApplicationBuilder AddMarketplaceIdentity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = CookieOrBearer;
                o.DefaultChallengeScheme = CookieOrBearer;
            })
            .AddPolicyScheme(CookieOrBearer, null, o => o.ForwardDefaultSelector = ctx =>
                HasBearerToken(ctx) ? IdentityConstants.BearerScheme : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, o =>
            {
                o.BearerTokenExpiration = TimeSpan.FromHours(1);
                o.RefreshTokenExpiration = TimeSpan.FromDays(7);
                o.Events.OnMessageReceived = ctx =>
                {
                    // Browsers cannot set headers on WebSockets: SignalR sends the token in the query string.
                    if (ctx.HttpContext.Request.Path.StartsWithSegments("/hubs") && ctx.Request.Query["access_token"] is [{ } token, ..])
                    {
                        ctx.Token = token;
                    }

                    return Task.CompletedTask;
                };
            })
            .AddIdentityCookies();
        services.AddAuthentication().AddMarketplaceOidc(builder.Configuration);
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "will.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.Events.OnRedirectToLogin = ctx => Status(ctx.Response, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => Status(ctx.Response, StatusCodes.Status403Forbidden);
        });

        services.AddIdentityCore<AppUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<AppRole>()
            .AddEntityFrameworkStores<MarketplaceDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<MarketplaceClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.SignedIn, p => p.RequireAuthenticatedUser())
            .AddPolicy(Policies.Family, p => p.RequireRole(Roles.Family).RequireClaim(MarketplaceClaims.Municipality))
            .AddPolicy(Policies.Provider, p => p.RequireRole(Roles.Provider).RequireClaim(MarketplaceClaims.Provider))
            .AddPolicy(Policies.Staff, p =>
            {
                p.RequireRole(Roles.Staff).RequireClaim(MarketplaceClaims.Municipality);
                if (builder.Configuration.GetValue(Apis.TwoFactor.RequireForStaffKey, defaultValue: true))
                {
                    // Identity adds amr=mfa to sessions opened with a second factor.
                    p.RequireClaim("amr", "mfa");
                }
            });
        return builder;
    }

    private static bool HasBearerToken(HttpContext context) =>
        context.Request.Headers.Authorization is [{ } header, ..] && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ||
        context.Request.Path.StartsWithSegments("/hubs") && context.Request.Query.ContainsKey("access_token");

    private static Task Status(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }
}

/// <summary>Adds the municipality and display name to the signed-in principal.</summary>
internal sealed class MarketplaceClaimsPrincipalFactory(
    UserManager<AppUser> users,
    RoleManager<AppRole> roles,
    IOptions<IdentityOptions> options) : UserClaimsPrincipalFactory<AppUser, AppRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(MarketplaceClaims.DisplayName, user.DisplayName));
        if (user.MunicipalityCode is { } municipality)
        {
            identity.AddClaim(new Claim(MarketplaceClaims.Municipality, municipality));
        }

        if (user.ProviderId is { } provider)
        {
            identity.AddClaim(new Claim(MarketplaceClaims.Provider, provider.ToString()));
        }

        return identity;
    }
}

public static class ClaimsPrincipalExtensions
{
    public static Guid UserId(this ClaimsPrincipal user) =>
        Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("No user id claim."));

    public static string? MunicipalityCode(this ClaimsPrincipal user) => user.FindFirstValue(MarketplaceClaims.Municipality);

    /// <summary>The organisation a provider's staff member acts for; null for everyone else.</summary>
    public static Guid? ProviderId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(MarketplaceClaims.Provider), out var id) ? id : null;

    public static IReadOnlyList<string> RoleNames(this ClaimsPrincipal user) => [.. user.FindAll(ClaimTypes.Role).Select(c => c.Value)];
}
