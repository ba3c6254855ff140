using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Will.Marketplace.Abstractions.Matching;
using Will.Marketplace.Infrastructure.Auditing;
using Will.Marketplace.Infrastructure.Identity;
using Will.Marketplace.Infrastructure.Persistence;
using Will.Marketplace.Web.Hosting;

namespace Will.Marketplace.Web.Apis;

public sealed record EraseBody(string? Password);

/// <summary>
/// The right to erasure (GDPR art. 17) for a family: its requests leave their pools, what identifies
/// the person is removed, and what must be kept stays under a pseudonymous id.
/// </summary>
public static class ErasureApi
{
    public static RouteHandlerBuilder MapErasureApi(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/v1/account/erase", Erase)
            .RequireAuthorization(Policies.Family)
            .RequireRateLimiting(SecurityExtensions.SignInLimit)
            .WithTags("Account")
            .WithName("EraseMyData");

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Erase(
        EraseBody body, HttpContext context, SignInManager<AppUser> signIn, MarketplaceDbContext db, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var id = context.User.UserId();
        var user = await signIn.UserManager.FindByIdAsync(id.ToString());
        if (user is null || string.IsNullOrEmpty(body.Password) || !await signIn.UserManager.CheckPasswordAsync(user, body.Password))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["password"] = [Localization.Say("Conferma con la tua password.", "Confirm with your password.")],
            });
        }

        var requests = await db.Requests.Where(r => r.FamilyId == id).ToListAsync(cancellationToken);
        foreach (var request in requests.Where(r => r is { Status: "pooled", PoolId: not null }))
        {
            var left = await grains.GetGrain<IMatchmakerGrain>(IMatchmakerGrain.KeyFor(request.MunicipalityCode, request.CategoryCode))
                .Withdraw(request.PoolId!.Value, request.Id, id);
            if (!left.Left)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: Localization.Say(
                    "Fai parte di un servizio già aggiudicato: chiudilo prima di cancellare i tuoi dati.",
                    "You are part of a service already awarded: end it before erasing your data."));
            }
        }

        await Pseudonymise(db, user, cancellationToken);
        SessionValidation.Forget(context.RequestServices, id);
        await context.Audit(new AuditEvent("erase", "account", id.ToString(), id, user.MunicipalityCode));
        await signIn.SignOutAsync();
        return TypedResults.NoContent();
    }

    /// <summary>Where the family lives, what it told about its needs and what it wrote go; the city, dates, schedules and rating scores stay for statistics.</summary>
    private static async Task Pseudonymise(MarketplaceDbContext db, AppUser user, CancellationToken cancellationToken)
    {
        // All of it or nothing: what was written goes together with the identity.
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var city = await db.Municipalities.AsNoTracking().SingleAsync(m => m.Code == user.MunicipalityCode, cancellationToken);
            foreach (var request in await db.Requests.Where(r => r.FamilyId == user.Id).ToListAsync(cancellationToken))
            {
                request.Latitude = city.Latitude;
                request.Longitude = city.Longitude;
                request.Attributes = "{}";
                request.MaxPricePerHourCents = null;
            }

            // What the family wrote goes: its messages to its pools, and the comments on its ratings (the scores stay, as figures).
            await db.PoolMessages.Where(m => m.FamilyId == user.Id).ExecuteDeleteAsync(cancellationToken);
            await db.OrderRatings.Where(r => r.FamilyId == user.Id && r.Comment != null).ExecuteUpdateAsync(s => s.SetProperty(r => r.Comment, (string?)null), cancellationToken);

            var pseudonym = $"erased-{user.Id:N}@erased.invalid";
            user.Email = user.UserName = pseudonym;
            user.NormalizedEmail = user.NormalizedUserName = pseudonym.ToUpperInvariant();
            user.DisplayName = "";
            user.PhoneNumber = null;
            user.PasswordHash = null;
            user.SecurityStamp = Guid.NewGuid().ToString("N"); // ends every session and token at once
            user.LockoutEnabled = true;
            user.LockoutEnd = DateTimeOffset.MaxValue;
            db.Users.Update(user);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
    }
}
