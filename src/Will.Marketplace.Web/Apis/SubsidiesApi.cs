using System.Globalization;
using CsvHelper;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Will.Marketplace.Domain.Billing;
using Will.Marketplace.Domain.Ledger;
using Will.Marketplace.Infrastructure.Auditing;
using Will.Marketplace.Infrastructure.Billing;
using Will.Marketplace.Infrastructure.Persistence;
using Will.Marketplace.Infrastructure.Persistence.Entities;
using Will.Marketplace.Web.Hosting;
using static Will.Marketplace.Web.Hosting.Localization;

namespace Will.Marketplace.Web.Apis;

/// <summary>A municipality's subsidy programmes, their budgets, and the obligations its treasury settles.</summary>
public static class SubsidiesApi
{
    public static RouteGroupBuilder MapSubsidiesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/subsidies").WithTags("Subsidies").RequireAuthorization(Policies.Staff);
        api.MapGet("/programmes", List).WithName("ListProgrammes");
        api.MapPost("/programmes", Create).WithName("CreateProgramme");
        api.MapPut("/programmes/{id:guid}/budget", SetBudget).WithName("SetProgrammeBudget");
        api.MapGet("/obligations", Obligations).WithName("ListSubsidyObligations");
        api.MapGet("/obligations.csv", Export).WithName("ExportSubsidyObligations").Produces(StatusCodes.Status200OK, contentType: "text/csv");
        api.MapPost("/obligations/settle", Settle).WithName("SettleSubsidyObligations");
        return api;
    }

    public sealed record BandBody(long? MaxIseeCents, int? CoveragePercent, long? MonthlyCapCents);

    public sealed record ProgrammeBody(string? Name, List<string>? Categories, DateOnly? ValidFrom, DateOnly? ValidTo, long? BudgetCents, List<BandBody>? Bands);

    public sealed record BudgetBody(long? BudgetCents);

    public sealed record ProgrammeView(Guid Id, string Name, IReadOnlyList<string> Categories, DateOnly ValidFrom, DateOnly ValidTo,
        long BudgetCents, long CommittedCents, long SpentCents, long RemainingCents, IReadOnlyList<IseeBand> Bands);

    public sealed record ObligationView(Guid OrderId, string Period, Guid FamilyId, string ProviderName, string ProviderVat, long IseeCents,
        long RequestedCents, long GrantedCents, bool ShortOfBudget, DateTimeOffset? SettledAt, string? SettlementReference);

    public sealed record SettleBody(string? Period, string? Reference);

    public sealed record SettledView(string Period, int Settled, long AmountCents);

    /// <summary>Committed is granted and not yet settled by the treasury; spent is settled; remaining is what is left to grant.</summary>
    public static async Task<Ok<List<ProgrammeView>>> List(HttpContext context, MarketplaceDbContext db, CancellationToken cancellationToken)
    {
        var municipality = context.User.MunicipalityCode()!;
        var programmes = await db.SubsidyProgrammes.AsNoTracking().Where(p => p.MunicipalityCode == municipality).ToListAsync(cancellationToken);
        var ids = programmes.Select(p => p.Id).ToList();
        var sums = await db.SubsidyGrants.AsNoTracking().Where(g => ids.Contains(g.ProgrammeId))
            .GroupBy(g => new { g.ProgrammeId, Settled = g.SettledAt != null })
            .Select(g => new { g.Key.ProgrammeId, g.Key.Settled, Cents = g.Sum(x => x.GrantedCents) })
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(programmes.OrderBy(p => p.CreatedAt).Select(p => View(p,
            sums.Where(s => s.ProgrammeId == p.Id && !s.Settled).Sum(s => s.Cents),
            sums.Where(s => s.ProgrammeId == p.Id && s.Settled).Sum(s => s.Cents))).ToList());
    }

    public static async Task<Results<Created<ProgrammeView>, ValidationProblem>> Create(ProgrammeBody body, HttpContext context, MarketplaceDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var categories = await db.Categories.AsNoTracking().Select(c => c.Code).ToListAsync(cancellationToken);
        var errors = Validate(body, categories);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var record = new SubsidyProgrammeRecord
        {
            Id = Guid.CreateVersion7(),
            MunicipalityCode = context.User.MunicipalityCode()!,
            Name = body.Name!.Trim(),
            Categories = string.Join(',', body.Categories!.Distinct().Order(StringComparer.Ordinal)),
            ValidFrom = body.ValidFrom!.Value,
            ValidTo = body.ValidTo!.Value,
            BudgetCents = body.BudgetCents!.Value,
            Bands = ProgrammeJson.Bands(body.Bands!.Select(b => new IseeBand(b.MaxIseeCents!.Value, b.CoveragePercent!.Value, b.MonthlyCapCents!.Value))),
            CreatedAt = time.GetUtcNow(),
        };
        db.SubsidyProgrammes.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        await context.Audit(new AuditEvent("create", "subsidy-programme", record.Id.ToString(), MunicipalityCode: record.MunicipalityCode));
        return TypedResults.Created($"/api/v1/subsidies/programmes/{record.Id}", View(record, 0, 0));
    }

    /// <summary>A budget can grow or shrink, never below what it has already granted.</summary>
    public static async Task<Results<Ok<ProgrammeView>, ValidationProblem, NotFound, ProblemHttpResult>> SetBudget(
        Guid id, BudgetBody body, HttpContext context, MarketplaceDbContext db, CancellationToken cancellationToken)
    {
        var municipality = context.User.MunicipalityCode()!;
        var record = await db.SubsidyProgrammes.SingleOrDefaultAsync(p => p.Id == id && p.MunicipalityCode == municipality, cancellationToken);
        if (record is null)
        {
            return TypedResults.NotFound();
        }

        if (body.BudgetCents is not (> 0 and <= MaxBudgetCents))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["budgetCents"] = [BudgetMessage] });
        }

        var committed = await db.SubsidyGrants.Where(g => g.ProgrammeId == id && g.SettledAt == null).SumAsync(g => g.GrantedCents, cancellationToken);
        var spent = await db.SubsidyGrants.Where(g => g.ProgrammeId == id && g.SettledAt != null).SumAsync(g => g.GrantedCents, cancellationToken);
        if (body.BudgetCents < committed + spent)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: Say(
                "Il budget non può scendere sotto quanto già concesso.", "The budget cannot go below what has already been granted."),
                extensions: new Dictionary<string, object?> { ["grantedCents"] = committed + spent });
        }

        record.BudgetCents = body.BudgetCents.Value;
        record.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: Say("Il programma è stato modificato nel frattempo: riprova.", "The programme changed meanwhile: try again."));
        }

        await context.Audit(new AuditEvent("set-budget", "subsidy-programme", id.ToString(), MunicipalityCode: municipality));
        return TypedResults.Ok(View(record, committed, spent));
    }

    public static async Task<Results<Ok<List<ObligationView>>, ValidationProblem>> Obligations(string? period, HttpContext context, MarketplaceDbContext db, CancellationToken cancellationToken)
    {
        if (!BillingMonth.TryParse(period, out var month))
        {
            return TypedResults.ValidationProblem(PeriodError);
        }

        return TypedResults.Ok(await Load(db, context.User.MunicipalityCode()!, month.ToString(), cancellationToken));
    }

    /// <summary>The period's obligations as CSV (RFC 4180, UTF-8, amounts in cents and in euro with a dot) for the treasury.</summary>
    public static async Task<Results<FileContentHttpResult, ValidationProblem>> Export(string? period, HttpContext context, MarketplaceDbContext db, CancellationToken cancellationToken)
    {
        if (!BillingMonth.TryParse(period, out var month))
        {
            return TypedResults.ValidationProblem(PeriodError);
        }

        var municipality = context.User.MunicipalityCode()!;
        var rows = await Load(db, municipality, month.ToString(), cancellationToken);
        await using var text = new StringWriter(CultureInfo.InvariantCulture);
        await using (var csv = new CsvWriter(text, CultureInfo.InvariantCulture))
        {
            await csv.WriteRecordsAsync(rows.Where(r => r.GrantedCents > 0).Select(r => new
            {
                period = r.Period,
                order_id = r.OrderId,
                family_id = r.FamilyId,
                provider = r.ProviderName,
                provider_vat = r.ProviderVat,
                subsidy_cents = r.GrantedCents,
                subsidy_eur = (r.GrantedCents / 100m).ToString("0.00", CultureInfo.InvariantCulture),
                short_of_budget = r.ShortOfBudget,
                settled_at = r.SettledAt?.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                settlement_reference = r.SettlementReference,
            }), cancellationToken);
        }

        await context.Audit(new AuditEvent("export", "subsidy-obligations", month.ToString(), MunicipalityCode: municipality));
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(text.ToString()), "text/csv; charset=utf-8", $"subsidies-{municipality}-{month}.csv");
    }

    /// <summary>The treasury paid the period's obligations: each is marked settled with its payment reference and posted to the ledger.</summary>
    public static async Task<Results<Ok<SettledView>, ValidationProblem>> Settle(SettleBody body, HttpContext context, MarketplaceDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (!BillingMonth.TryParse(body.Period, out var month))
        {
            errors["period"] = PeriodError["period"];
        }

        if (string.IsNullOrWhiteSpace(body.Reference) || body.Reference.Length > 100)
        {
            errors["reference"] = [Say("Indica il riferimento del pagamento (IUV pagoPA o CRO del bonifico), al massimo 100 caratteri.", "Give the payment reference (pagoPA IUV or bank transfer CRO), 100 characters at most.")];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var municipality = context.User.MunicipalityCode()!;
        var key = month.ToString();
        var now = time.GetUtcNow();
        var open = await db.SubsidyGrants.Where(g => g.MunicipalityCode == municipality && g.Period == key && g.SettledAt == null && g.GrantedCents > 0).ToListAsync(cancellationToken);
        foreach (var grant in open)
        {
            (grant.SettledAt, grant.SettlementReference) = (now, body.Reference!.Trim());
            LedgerWriter.Post(db, [Movements.SubsidySettled(grant.OrderId, key, municipality, grant.ProviderId, grant.GrantedCents)], $"treasury:{grant.SettlementReference}", now);
        }

        await db.SaveChangesAsync(cancellationToken);
        await context.Audit(new AuditEvent("settle", "subsidy-obligations", key, MunicipalityCode: municipality));
        return TypedResults.Ok(new SettledView(key, open.Count, open.Sum(g => g.GrantedCents)));
    }

    private const long MaxBudgetCents = 100_000_000_000;

    private static string BudgetMessage => Say("Il budget è un importo in centesimi, maggiore di zero.", "The budget is an amount in cents, more than zero.");

    private static Dictionary<string, string[]> PeriodError => new() { ["period"] = [Say("Il periodo è un mese nella forma AAAA-MM.", "The period is a month written yyyy-MM.")] };

    private static async Task<List<ObligationView>> Load(MarketplaceDbContext db, string municipality, string period, CancellationToken cancellationToken) =>
        [.. (await db.SubsidyGrants.AsNoTracking()
                .Where(g => g.MunicipalityCode == municipality && g.Period == period)
                .Join(db.Providers.AsNoTracking(), g => g.ProviderId, p => p.Id, (g, p) => new ObligationView(g.OrderId, g.Period, g.FamilyId, p.LegalName, p.VatNumber,
                    g.IseeCents, g.RequestedCents, g.GrantedCents, g.ShortOfBudget, g.SettledAt, g.SettlementReference))
                .ToListAsync(cancellationToken))
            .OrderBy(o => o.ProviderName, StringComparer.Ordinal).ThenBy(o => o.OrderId).ThenBy(o => o.FamilyId)];

    private static ProgrammeView View(SubsidyProgrammeRecord p, long committed, long spent) => new(p.Id, p.Name,
        p.Categories.Split(',', StringSplitOptions.RemoveEmptyEntries), p.ValidFrom, p.ValidTo, p.BudgetCents, committed, spent,
        p.BudgetCents - committed - spent, ProgrammeJson.Bands(p.Bands));

    private static Dictionary<string, string[]> Validate(ProgrammeBody body, IReadOnlyList<string> categories)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body.Name) || body.Name.Length > 200)
        {
            errors["name"] = [Say("Il nome è obbligatorio, al massimo 200 caratteri.", "The name is required, 200 characters at most.")];
        }

        if (body.Categories is not { Count: > 0 } || body.Categories.Any(c => !categories.Contains(c)))
        {
            errors["categories"] = [Say("Scegli una o più categorie di servizio esistenti.", "Choose one or more existing service categories.")];
        }

        if (body.ValidFrom is null)
        {
            errors["validFrom"] = [Say("La data di inizio è obbligatoria.", "The start date is required.")];
        }

        if (body.ValidTo is null || (body.ValidFrom is { } from && body.ValidTo < from))
        {
            errors["validTo"] = [Say("La data di fine è obbligatoria e non precede l'inizio.", "The end date is required and not before the start.")];
        }

        if (body.BudgetCents is not (> 0 and <= MaxBudgetCents))
        {
            errors["budgetCents"] = [BudgetMessage];
        }

        if (body.Bands is not { Count: > 0 and <= 10 })
        {
            errors["bands"] = [Say("Indica da 1 a 10 fasce ISEE.", "Give 1 to 10 ISEE bands.")];
            return errors;
        }

        for (var i = 0; i < body.Bands.Count; i++)
        {
            var band = body.Bands[i];
            if (band.MaxIseeCents is not (> 0 and <= 10_000_000_00))
            {
                errors[$"bands[{i}].maxIseeCents"] = [Say("Il tetto ISEE della fascia è un importo in centesimi, maggiore di zero.", "The band's ISEE ceiling is an amount in cents, more than zero.")];
            }

            if (band.CoveragePercent is not (>= 1 and <= 100))
            {
                errors[$"bands[{i}].coveragePercent"] = [Say("La copertura va da 1 a 100 per cento.", "The coverage is 1 to 100 per cent.")];
            }

            if (band.MonthlyCapCents is not (>= 0 and <= 10_000_000))
            {
                errors[$"bands[{i}].monthlyCapCents"] = [Say("Il tetto mensile è un importo in centesimi, da 0 a 100.000 €.", "The monthly cap is an amount in cents, 0 to 100,000 €.")];
            }
        }

        if (body.Bands.Select(b => b.MaxIseeCents).Distinct().Count() != body.Bands.Count)
        {
            errors["bands"] = [Say("Due fasce hanno lo stesso tetto ISEE.", "Two bands have the same ISEE ceiling.")];
        }

        return errors;
    }
}
