using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Will.Marketplace.Domain.Common;
using Will.Marketplace.Infrastructure.Auditing;
using Will.Marketplace.Infrastructure.Persistence;
using Will.Marketplace.Infrastructure.Persistence.Entities;
using Will.Marketplace.Web.Hosting;
using static Will.Marketplace.Web.Hosting.Localization;

namespace Will.Marketplace.Web.Apis;

/// <summary>
/// Families declare their ISEE (value, expiry, and the DSU protocol number of the INPS attestation);
/// staff verify it against the attestation, and only then does it give a subsidy.
/// </summary>
public static class IseeApi
{
    public static IEndpointRouteBuilder MapIseeApi(this IEndpointRouteBuilder app)
    {
        var family = app.MapGroup("/api/v1/isee").WithTags("Subsidies").RequireAuthorization(Policies.Family);
        family.MapGet("/", Mine).WithName("GetMyIsee");
        family.MapPut("/", Declare).WithName("DeclareIsee");
        var staff = app.MapGroup("/api/v1/isee-declarations").WithTags("Subsidies").RequireAuthorization(Policies.Staff);
        staff.MapGet("/", Pending).WithName("ListIseeDeclarations");
        staff.MapPost("/{familyId:guid}/verify", Verify).WithName("VerifyIsee");
        return app;
    }

    public sealed record IseeBody(long? IseeCents, DateOnly? ExpiresOn, string? DsuProtocol);

    public sealed record IseeView(long IseeCents, DateOnly ExpiresOn, string DsuProtocol, DateTimeOffset DeclaredAt, bool Verified);

    public sealed record DeclarationView(Guid FamilyId, string FamilyName, long IseeCents, DateOnly ExpiresOn, string DsuProtocol, DateTimeOffset DeclaredAt, bool Verified);

    public static async Task<Results<Ok<IseeView>, NotFound>> Mine(HttpContext context, MarketplaceDbContext db, CancellationToken cancellationToken)
    {
        var familyId = context.User.UserId();
        var declaration = await db.IseeDeclarations.AsNoTracking().SingleOrDefaultAsync(d => d.FamilyId == familyId, cancellationToken);
        return declaration is null ? TypedResults.NotFound() : TypedResults.Ok(View(declaration));
    }

    /// <summary>A new declaration replaces the earlier one and waits for verification again.</summary>
    public static async Task<Results<Ok<IseeView>, ValidationProblem>> Declare(IseeBody body, HttpContext context, MarketplaceDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var today = ItalianCalendar.Today(time);
        var errors = new Dictionary<string, string[]>();
        if (body.IseeCents is not (>= 0 and <= 10_000_000_00))
        {
            errors["iseeCents"] = [Say("L'ISEE è un importo in centesimi, da 0 a 10 milioni di euro.", "The ISEE is an amount in cents, 0 to 10 million euro.")];
        }

        if (body.ExpiresOn is not { } expires || expires < today)
        {
            errors["expiresOn"] = [Say("La scadenza dell'attestazione è obbligatoria e non già passata.", "The attestation's expiry is required and not already past.")];
        }

        if (string.IsNullOrWhiteSpace(body.DsuProtocol) || body.DsuProtocol.Trim().Length is < 5 or > 40)
        {
            errors["dsuProtocol"] = [Say("Indica il numero di protocollo della DSU (INPS-ISEE-…).", "Give the DSU protocol number (INPS-ISEE-…).")];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var familyId = context.User.UserId();
        var record = await db.IseeDeclarations.SingleOrDefaultAsync(d => d.FamilyId == familyId, cancellationToken);
        if (record is null)
        {
            record = new IseeDeclarationRecord { FamilyId = familyId, DsuProtocol = "" };
            db.IseeDeclarations.Add(record);
        }

        (record.IseeCents, record.ExpiresOn, record.DsuProtocol, record.DeclaredAt, record.VerifiedAt, record.VerifiedBy) =
            (body.IseeCents!.Value, body.ExpiresOn!.Value, body.DsuProtocol!.Trim(), time.GetUtcNow(), null, null);
        await db.SaveChangesAsync(cancellationToken);
        await context.Audit(new AuditEvent("declare", "isee", familyId.ToString(), familyId, context.User.MunicipalityCode()));
        return TypedResults.Ok(View(record));
    }

    /// <summary>The declarations of the staff's municipality's families, those waiting for verification first.</summary>
    public static async Task<Ok<List<DeclarationView>>> Pending(HttpContext context, MarketplaceDbContext db, CancellationToken cancellationToken)
    {
        var municipality = context.User.MunicipalityCode();
        var rows = await db.IseeDeclarations.AsNoTracking()
            .Join(db.Users.AsNoTracking().Where(u => u.MunicipalityCode == municipality), d => d.FamilyId, u => u.Id, (d, u) => new { d, u.DisplayName })
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.OrderBy(r => r.d.VerifiedAt != null).ThenBy(r => r.d.DeclaredAt)
            .Select(r => new DeclarationView(r.d.FamilyId, r.DisplayName, r.d.IseeCents, r.d.ExpiresOn, r.d.DsuProtocol, r.d.DeclaredAt, r.d.VerifiedAt != null)).ToList());
    }

    public static async Task<Results<Ok<DeclarationView>, NotFound>> Verify(Guid familyId, HttpContext context, MarketplaceDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var municipality = context.User.MunicipalityCode();
        var row = await db.IseeDeclarations
            .Join(db.Users.Where(u => u.MunicipalityCode == municipality), d => d.FamilyId, u => u.Id, (d, u) => new { d, u.DisplayName })
            .SingleOrDefaultAsync(r => r.d.FamilyId == familyId, cancellationToken);
        if (row is null)
        {
            return TypedResults.NotFound();
        }

        (row.d.VerifiedAt, row.d.VerifiedBy) = (time.GetUtcNow(), context.User.UserId());
        await db.SaveChangesAsync(cancellationToken);
        await context.Audit(new AuditEvent("verify", "isee", familyId.ToString(), MunicipalityCode: municipality));
        return TypedResults.Ok(new DeclarationView(familyId, row.DisplayName, row.d.IseeCents, row.d.ExpiresOn, row.d.DsuProtocol, row.d.DeclaredAt, true));
    }

    private static IseeView View(IseeDeclarationRecord d) => new(d.IseeCents, d.ExpiresOn, d.DsuProtocol, d.DeclaredAt, d.VerifiedAt != null);
}
