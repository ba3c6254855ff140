using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Will.Marketplace.Infrastructure.Persistence;

namespace Will.Marketplace.Web.Hosting;

/// <summary>
/// Bearer tokens and cookies carry the account's security stamp; it changes when a password is reset
/// or an account is erased or locked. Checking it on every request (cached briefly per user) ends such
/// sessions at once instead of when their tokens expire.
/// </summary>
public static class SessionValidation
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    public static WebApplicationBuilder AddSessionValidation(this WebApplicationBuilder builder)
    {
        builder.Services.AddMemoryCache();
        return builder;
    }

    public static WebApplication UseSessionValidation(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var user = context.User;
            if (user.Identity?.IsAuthenticated == true)
            {
                var stampClaim = context.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
                var presented = user.FindFirst(stampClaim)?.Value;
                var current = await CurrentStamp(context.RequestServices, user.UserId(), context.RequestAborted);
                if (current != presented)
                {
                    // The cached stamp may be older than a session just opened: read it again before refusing.
                    Forget(context.RequestServices, user.UserId());
                    current = await CurrentStamp(context.RequestServices, user.UserId(), context.RequestAborted);
                }

                if (current is null || current != presented)
                {
                    await TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: Localization.Say(
                        "La sessione non è più valida: accedi di nuovo.", "This session is no longer valid: please sign in again.")).ExecuteAsync(context);
                    return;
                }
            }

            await next(context);
        });
        return app;
    }

    /// <summary>Forget the cached stamp, so this node refuses the old sessions from the next request.</summary>
    public static void Forget(IServiceProvider services, Guid userId) =>
        services.GetRequiredService<IMemoryCache>().Remove(Key(userId));

    private static async Task<string?> CurrentStamp(IServiceProvider services, Guid userId, CancellationToken cancellationToken) =>
        await services.GetRequiredService<IMemoryCache>().GetOrCreateAsync(Key(userId), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheFor;
            await using var db = await services.GetRequiredService<IDbContextFactory<MarketplaceDbContext>>().CreateDbContextAsync(cancellationToken);
            var account = await db.Users.AsNoTracking().Where(u => u.Id == userId)
                .Select(u => new { u.SecurityStamp, u.LockoutEnd }).SingleOrDefaultAsync(cancellationToken);
            return account is null || account.LockoutEnd > services.GetRequiredService<TimeProvider>().GetUtcNow() ? null : account.SecurityStamp;
        });

    private static string Key(Guid userId) => $"security-stamp:{userId}";
}
