using System.Net.Mail;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Will.Marketplace.Domain.Common;
using Will.Marketplace.Domain.Providers;
using Will.Marketplace.Infrastructure.Auditing;
using Will.Marketplace.Infrastructure.Identity;
using Will.Marketplace.Infrastructure.Persistence;
using Will.Marketplace.Infrastructure.Persistence.Entities;
using Will.Marketplace.Web.Hosting;
using static Will.Marketplace.Web.Hosting.Localization;

namespace Will.Marketplace.Web.Apis;

/// <summary>Provider organisations: registration with their first staff account, and accreditation by municipal staff.</summary>
public static class ProvidersApi
{
    public static RouteGroupBuilder MapProvidersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/providers").WithTags("Providers");
        api.MapPost("/", Register).AllowAnonymous().RequireRateLimiting(SecurityExtensions.SignInLimit).WithName("RegisterProvider");
        api.MapGet("/me", Mine).RequireAuthorization(Policies.Provider).WithName("GetMyProvider");
        api.MapGet("/", ListForStaff).RequireAuthorization(Policies.Staff).WithName("ListProviders");
        api.MapPut("/{id:guid}/accreditations/{category}", Accredit).RequireAuthorization(Policies.Staff).WithName("Accredit");
        api.MapPost("/{id:guid}/accreditations/{category}/suspension", Suspend).RequireAuthorization(Policies.Staff).WithName("SuspendAccreditation");
        return api;
    }

    public sealed record ContactBody(string? Email, string? DisplayName, string? Password);

    public sealed record RegisterBody(string? LegalName, string? VatNumber, string? FiscalCode, string? ThirdSectorNumber, List<string>? Categories, List<string>? Coverage, int? CapacityFamilies, ContactBody? Contact);

    public sealed record AccreditationView(string MunicipalityCode, string CategoryCode, int Level, DateOnly ValidUntil, bool Active, DateTimeOffset? SuspendedAt, string? SuspensionReason);

    public sealed record ProviderView(Guid Id, string LegalName, string VatNumber, string FiscalCode, string? ThirdSectorNumber, IReadOnlyList<string> Categories, IReadOnlyList<string> Coverage, int CapacityFamilies, IReadOnlyList<AccreditationView> Accreditations);

    public static async Task<Results<Created<ProviderView>, ValidationProblem>> Register(
        RegisterBody body, HttpContext context, MarketplaceDbContext db, UserManager<AppUser> users, TimeProvider time, CancellationToken cancellationToken)
    {
        var categories = await db.Categories.Select(c => c.Code).ToListAsync(cancellationToken);
        var municipalities = await db.Municipalities.Select(m => m.Code).ToListAsync(cancellationToken);
        var errors = Validate(body, categories, municipalities);
        if (errors.Count == 0 && await db.Providers.AnyAsync(p => p.VatNumber == body.VatNumber, cancellationToken))
        {
            errors["vatNumber"] = [Say("Un'organizzazione con questa partita IVA è già registrata.", "An organisation with this VAT number is already registered.")];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var provider = new ProviderRecord
        {
            Id = Guid.CreateVersion7(),
            LegalName = body.LegalName!.Trim(),
            VatNumber = body.VatNumber!,
            FiscalCode = body.FiscalCode!.ToUpperInvariant(),
            ThirdSectorNumber = string.IsNullOrWhiteSpace(body.ThirdSectorNumber) ? null : body.ThirdSectorNumber.Trim(),
            Categories = string.Join(',', body.Categories!.Distinct(StringComparer.Ordinal)),
            Coverage = string.Join(',', body.Coverage!.Distinct(StringComparer.Ordinal)),
            CapacityFamilies = body.CapacityFamilies!.Value,
            CreatedAt = time.GetUtcNow(),
        };
        var contact = body.Contact!;
        var user = new AppUser
        {
            Id = Guid.CreateVersion7(),
            UserName = contact.Email,
            Email = contact.Email,
            DisplayName = contact.DisplayName!.Trim(),
            MunicipalityCode = body.Coverage![0],
            ProviderId = provider.Id,
        };

        // The organisation and its first account are one change: both or neither. On a database
        // whose execution strategy retries, the whole transaction is what is retried.
        var failed = await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            db.Providers.Add(provider);
            await db.SaveChangesAsync(cancellationToken);
            var created = await users.CreateAsync(user, contact.Password!);
            if (created.Succeeded)
            {
                created = await users.AddToRoleAsync(user, Roles.Provider);
            }

            if (!created.Succeeded)
            {
                await transaction.RollbackAsync(CancellationToken.None);
                return created;
            }

            await transaction.CommitAsync(cancellationToken);
            return null;
        });
        if (failed is not null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                [failed.Errors.Any(e => e.Code.Contains("Password", StringComparison.Ordinal)) ? "contact.password" : "contact.email"] = [.. failed.Errors.Select(e => e.Description)],
            });
        }

        await context.Audit(new AuditEvent("create", "provider", provider.Id.ToString(), MunicipalityCode: user.MunicipalityCode), user.Id, [Roles.Provider]);
        return TypedResults.Created($"/api/v1/providers/me", View(provider, [], ItalianCalendar.Today(time)));
    }

    public static async Task<Results<Ok<ProviderView>, NotFound>> Mine(HttpContext context, MarketplaceDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var id = context.User.ProviderId();
        var provider = await db.Providers.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (provider is null)
        {
            return TypedResults.NotFound();
        }

        var accreditations = await db.Accreditations.AsNoTracking().Where(a => a.ProviderId == provider.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok(View(provider, accreditations, ItalianCalendar.Today(time)));
    }

    /// <summary>Providers that cover the staff member's municipality, with their accreditations there.</summary>
    public static async Task<Ok<List<ProviderView>>> ListForStaff(HttpContext context, MarketplaceDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var municipality = context.User.MunicipalityCode()!;
        var providers = (await db.Providers.AsNoTracking().OrderBy(p => p.LegalName).ToListAsync(cancellationToken))
            .Where(p => p.Coverage.Split(',').Contains(municipality)).ToList();
        var ids = providers.Select(p => p.Id).ToList();
        var accreditations = (await db.Accreditations.AsNoTracking().Where(a => a.MunicipalityCode == municipality && ids.Contains(a.ProviderId)).ToListAsync(cancellationToken))
            .ToLookup(a => a.ProviderId);
        var today = ItalianCalendar.Today(time);
        return TypedResults.Ok(providers.Select(p => View(p, [.. accreditations[p.Id]], today)).ToList());
    }

    public sealed record AccreditBody(int? Level, DateOnly? ValidUntil);

    /// <summary>Grants or renews an accreditation in the staff member's municipality; a suspension is lifted.</summary>
    public static async Task<Results<Ok<AccreditationView>, ValidationProblem, NotFound>> Accredit(
        Guid id, string category, AccreditBody body, HttpContext context, MarketplaceDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var municipality = context.User.MunicipalityCode()!;
        var provider = await db.Providers.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (provider is null || !provider.Coverage.Split(',').Contains(municipality))
        {
            return TypedResults.NotFound();
        }

        var today = ItalianCalendar.Today(time);
        var errors = new Dictionary<string, string[]>();
        if (!await db.Categories.AnyAsync(c => c.Code == category, cancellationToken) || !provider.Categories.Split(',').Contains(category))
        {
            errors["category"] = [Say("L'organizzazione non offre questa categoria.", "The organisation does not offer this category.")];
        }

        if (body.Level is not (>= Accreditation.MinLevel and <= Accreditation.MaxLevel))
        {
            errors["level"] = [Say("Il livello è 1, 2 o 3.", "The level is 1, 2 or 3.")];
        }

        if (body.ValidUntil is not { } until || until <= today || until > today.AddYears(5))
        {
            errors["validUntil"] = [Say("La scadenza è una data futura entro cinque anni.", "The expiry is a future date within five years.")];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var record = await db.Accreditations.SingleOrDefaultAsync(a => a.ProviderId == id && a.MunicipalityCode == municipality && a.CategoryCode == category, cancellationToken);
        if (record is null)
        {
            record = new AccreditationRecord { ProviderId = id, MunicipalityCode = municipality, CategoryCode = category };
            db.Accreditations.Add(record);
        }

        (record.Level, record.ValidUntil, record.GrantedAt, record.GrantedBy) = (body.Level!.Value, body.ValidUntil!.Value, time.GetUtcNow(), context.User.UserId());
        (record.SuspendedAt, record.SuspensionReason) = (null, null);
        await db.SaveChangesAsync(cancellationToken);
        await context.Audit(new AuditEvent("accredit", "provider", $"{id}/{category}", MunicipalityCode: municipality));
        return TypedResults.Ok(View(record, today));
    }

    public sealed record SuspendBody(string? Reason);

    /// <summary>Suspends at once: bids already made stop counting at the award.</summary>
    public static async Task<Results<Ok<AccreditationView>, ValidationProblem, NotFound>> Suspend(
        Guid id, string category, SuspendBody body, HttpContext context, MarketplaceDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(body.Reason) || body.Reason.Length > 500)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = [Say("Scrivi il motivo (al massimo 500 caratteri).", "Write the reason (500 characters at most).")] });
        }

        var municipality = context.User.MunicipalityCode()!;
        var record = await db.Accreditations.SingleOrDefaultAsync(a => a.ProviderId == id && a.MunicipalityCode == municipality && a.CategoryCode == category, cancellationToken);
        if (record is null)
        {
            return TypedResults.NotFound();
        }

        (record.SuspendedAt, record.SuspensionReason) = (time.GetUtcNow(), body.Reason.Trim());
        await db.SaveChangesAsync(cancellationToken);
        await context.Audit(new AuditEvent("suspend", "provider", $"{id}/{category}", MunicipalityCode: municipality));
        return TypedResults.Ok(View(record, ItalianCalendar.Today(time)));
    }

    private static Dictionary<string, string[]> Validate(RegisterBody body, List<string> categories, List<string> municipalities)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body.LegalName) || body.LegalName.Length > 200)
        {
            errors["legalName"] = [Say("Indica la ragione sociale (al massimo 200 caratteri).", "Give the legal name (200 characters at most).")];
        }

        if (!ItalianTaxIds.IsValidPartitaIva(body.VatNumber))
        {
            errors["vatNumber"] = [Say("La partita IVA ha 11 cifre e una cifra di controllo corretta.", "The VAT number has 11 digits and a correct check digit.")];
        }

        if (!ItalianTaxIds.IsValidCodiceFiscale(body.FiscalCode))
        {
            errors["fiscalCode"] = [Say("Il codice fiscale non è valido.", "The fiscal code is not valid.")];
        }

        if (body.ThirdSectorNumber is { Length: > 40 })
        {
            errors["thirdSectorNumber"] = [Say("Il numero RUNTS ha al massimo 40 caratteri.", "The RUNTS number has 40 characters at most.")];
        }

        if (body.Categories is not { Count: > 0 } || body.Categories.Any(c => !categories.Contains(c)))
        {
            errors["categories"] = [Say("Scegli una o più categorie di servizio esistenti.", "Choose one or more existing service categories.")];
        }

        if (body.Coverage is not { Count: > 0 } || body.Coverage.Any(c => !municipalities.Contains(c)))
        {
            errors["coverage"] = [Say("Scegli uno o più Comuni della rete (codici ISTAT).", "Choose one or more municipalities of the network (ISTAT codes).")];
        }

        if (body.CapacityFamilies is not (>= 1 and <= 10_000))
        {
            errors["capacityFamilies"] = [Say("Indica quante famiglie potete servire (da 1 a 10.000).", "Say how many families you can serve (1 to 10,000).")];
        }

        if (body.Contact?.Email is not { Length: <= 256 } email || !MailAddress.TryCreate(email, out _))
        {
            errors["contact.email"] = [Say("Indica un indirizzo e-mail valido.", "Give a valid e-mail address.")];
        }

        if (string.IsNullOrWhiteSpace(body.Contact?.DisplayName) || body.Contact.DisplayName.Length > 100)
        {
            errors["contact.displayName"] = [Say("Indica il nome della persona di riferimento.", "Give the contact person's name.")];
        }

        if (string.IsNullOrEmpty(body.Contact?.Password))
        {
            errors["contact.password"] = [Say("Scegli una password.", "Choose a password.")];
        }

        return errors;
    }

    private static AccreditationView View(AccreditationRecord a, DateOnly today) => new(
        a.MunicipalityCode, a.CategoryCode, a.Level, a.ValidUntil,
        new Accreditation(a.ProviderId, a.MunicipalityCode, a.CategoryCode, a.Level, a.ValidUntil, a.SuspendedAt).IsActiveOn(today),
        a.SuspendedAt, a.SuspensionReason);

    private static ProviderView View(ProviderRecord p, List<AccreditationRecord> accreditations, DateOnly today) => new(
        p.Id, p.LegalName, p.VatNumber, p.FiscalCode, p.ThirdSectorNumber,
        p.Categories.Split(',', StringSplitOptions.RemoveEmptyEntries), p.Coverage.Split(',', StringSplitOptions.RemoveEmptyEntries), p.CapacityFamilies,
        [.. accreditations.Select(a => View(a, today))]);
}
