using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Will.Marketplace.Infrastructure.Auditing;
using Will.Marketplace.Infrastructure.Identity;
using Will.Marketplace.Infrastructure.Persistence;
using Will.Marketplace.Web.Hosting;
using static Will.Marketplace.Web.Hosting.Localization;

namespace Will.Marketplace.Web.Apis;

public sealed record ResidentView(Guid Id, string DisplayName, string Email);

/// <summary>For the municipal help desk: find a resident of the staff's own municipality by exact e-mail.</summary>
public static class ResidentsApi
{
    public static RouteHandlerBuilder MapResidentsApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/residents", Find)
            .RequireAuthorization(Policies.Staff)
            .WithTags("Help desk")
            .WithName("FindResident");

    public static async Task<Results<Ok<List<ResidentView>>, ValidationProblem>> Find(string? email, HttpContext context, MarketplaceDbContext db, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(email) || email.Length > 256)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["email"] = [Say("Scrivi l'e-mail esatta del cittadino.", "Enter the resident's exact e-mail.")] });
        }

        var municipality = context.User.MunicipalityCode();
        var normalized = email.Trim().ToUpperInvariant();
        var familyRole = Roles.Family.ToUpperInvariant();
        var found = await (
            from user in db.Users.AsNoTracking()
            join link in db.UserRoles on user.Id equals link.UserId
            join role in db.Roles on link.RoleId equals role.Id
            where user.NormalizedEmail == normalized && user.MunicipalityCode == municipality && role.NormalizedName == familyRole
            select new ResidentView(user.Id, user.DisplayName, user.Email!)).ToListAsync(cancellationToken);
        await context.Audit(new AuditEvent("read", "resident", found.FirstOrDefault()?.Id.ToString(), found.FirstOrDefault()?.Id, municipality));
        return TypedResults.Ok(found);
    }
}
