using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.RateLimiting;
using Will.Marketplace.Infrastructure.Identity;

namespace Will.Marketplace.Web.Hosting;

/// <summary>Section "Security": limits that deployments may tighten (tests loosen them).</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>Sign-in and token-refresh attempts per client address per minute.</summary>
    public int SignInPerMinute { get; set; } = 10;

    /// <summary>Writes (POST, PUT, PATCH, DELETE) per signed-in user per minute.</summary>
    public int WritesPerMinute { get; set; } = 60;

    /// <summary>Origins allowed to call the API from another site; none by default.</summary>
    public string[] AllowedOrigins { get; set; } = [];

    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;
}

public static class SecurityExtensions
{
    public const string SignInLimit = "sign-in";
    public const string WriteLimit = "writes";
    public const string AntiforgeryHeader = "X-XSRF-TOKEN";
    public const string AntiforgeryCookie = "XSRF-TOKEN";

    public static WebApplicationBuilder AddMarketplaceSecurity(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions();
        if (options.SignInPerMinute < 1 || options.WritesPerMinute < 1 || options.MaxRequestBodyBytes < 1024)
        {
            throw new InvalidOperationException("Security:SignInPerMinute and Security:WritesPerMinute must be at least 1, Security:MaxRequestBodyBytes at least 1024.");
        }

        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes);
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)retryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                await TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: Localization.Say("Troppe richieste: riprova tra poco.", "Too many requests: please try again shortly."))
                    .ExecuteAsync(context.HttpContext);
            };
            limiter.AddPolicy(SignInLimit, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "local",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.SignInPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            limiter.AddPolicy(WriteLimit, http => RateLimitPartition.GetTokenBucketLimiter(
                http.User.Identity?.IsAuthenticated == true ? $"user:{http.User.UserId()}" : $"ip:{http.Connection.RemoteIpAddress}",
                _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = options.WritesPerMinute,
                    TokensPerPeriod = options.WritesPerMinute,
                    ReplenishmentPeriod = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
        });
        builder.Services.AddCors(cors => cors.AddDefaultPolicy(policy =>
        {
            if (options.AllowedOrigins.Length > 0)
            {
                policy.WithOrigins(options.AllowedOrigins).AllowAnyHeader().AllowAnyMethod().AllowCredentials();
            }
        }));
        builder.Services.AddAntiforgery(o =>
        {
            o.HeaderName = AntiforgeryHeader;
            o.Cookie.Name = "will.af";
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        builder.Services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        return builder;
    }

    public static WebApplication UseMarketplaceSecurity(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment() && !app.Environment.IsEnvironment("Testing"))
        {
            app.UseHsts();
        }

        app.Use(SecurityHeaders);
        app.UseCors();
        return app;
    }

    /// <summary>After authentication: cookie-authenticated writes must carry the antiforgery header (bearer clients are not exposed to CSRF).</summary>
    public static WebApplication UseMarketplaceAntiforgery(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            var unsafeMethod = !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method));
            var cookieAuthenticated = context.User.Identity?.IsAuthenticated == true && request.Headers.Authorization.Count == 0;
            if (unsafeMethod && cookieAuthenticated && request.Path.StartsWithSegments("/api"))
            {
                try
                {
                    await context.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(context);
                }
                catch (AntiforgeryValidationException)
                {
                    await TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest,
                        title: Localization.Say("Richiesta non verificata: ricarica la pagina e riprova.", "Unverified request: reload the page and try again."))
                        .ExecuteAsync(context);
                    return;
                }
            }

            await next(context);
        });
        return app;
    }

    private static Task SecurityHeaders(HttpContext context, RequestDelegate next)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            if (!context.Request.Path.StartsWithSegments("/scalar"))
            {
                headers.ContentSecurityPolicy =
                    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self' data:; " +
                    "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";
            }

            // What the API answers is personal; no cache anywhere may keep it.
            if (context.Request.Path.StartsWithSegments("/api") && !headers.ContainsKey("Cache-Control"))
            {
                headers.CacheControl = "no-store";
            }

            return Task.CompletedTask;
        });
        return next(context);
    }
}
