using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Will.Marketplace.Domain.Billing;
using Will.Marketplace.Domain.Ledger;
using Will.Marketplace.Domain.Ports;
using Will.Marketplace.Infrastructure.Payments;
using Will.Marketplace.Infrastructure.Persistence;
using Will.Marketplace.Infrastructure.Persistence.Entities;

namespace Will.Marketplace.Infrastructure.Billing;

/// <summary>
/// Bills collective orders month by month. A run saves, in one transaction, each bill, the
/// subsidies the programmes granted (never beyond their budget), the ledger postings and the
/// payments to make; then the payments are made. With Stripe configured they are charges and
/// transfers; without, they are obligations staff settle by hand.
/// </summary>
public sealed class BillingService(
    IDbContextFactory<MarketplaceDbContext> contexts,
    ICategoryCatalog catalog,
    PaymentExecutor executor,
    IOptions<StripeOptions> stripe,
    TimeProvider time) : IBillingRunner
{
    public async Task<BillingReport> BillAsync(string municipalityCode, BillingMonth period, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var key = period.ToString();
        var billed = await db.Bills.Where(b => b.Period == key).Select(b => b.OrderId).Distinct().ToListAsync(cancellationToken);
        var due = (await BillInputs.LoadAsync(db, catalog, municipalityCode, period, null, cancellationToken))
            .Where(o => !billed.Contains(o.Order.Id))
            .Select(o => (Order: o, Bill: PeriodBilling.Bill(o.Terms, o.Members, period)))
            .Where(x => x.Bill is not null)
            .Select(x => (x.Order, Bill: x.Bill!))
            .ToList();
        if (due.Count == 0)
        {
            return await executor.ExecuteAsync(municipalityCode, cancellationToken);
        }

        var now = time.GetUtcNow();
        var grants = await GrantAsync(db, due, excludingPeriodOf: null, key, cancellationToken);
        var issued = new List<IssuedBill>();
        foreach (var (order, draft) in due)
        {
            var bill = PeriodBilling.WithGrants(draft, Granted(grants, order.Order.Id), order.Terms.HoldbackPercent);
            var parties = new BillParties(order.Order.Id, order.Order.ProviderId, municipalityCode);
            db.Bills.Add(new BillRecord { OrderId = order.Order.Id, Period = key, Revision = 0, GrossCents = bill.Gross.Cents, HoldbackCents = bill.Holdback.Cents, Shares = ProgrammeJson.Shares(bill), CreatedAt = now });
            AddGrants(db, order, grants, municipalityCode, key, now);
            LedgerWriter.Post(db, BillPostings.For(parties, bill), $"bill:{order.Order.Id}:{key}:0", now);
            foreach (var share in bill.Shares.Where(s => s.FamilyPays.Cents > 0))
            {
                db.PaymentInstructions.Add(Instruction(PaymentKinds.Charge, order.Order, key, 0, share.FamilyId, share.FamilyPays.Cents, now));
            }

            if (bill.Transfer.Cents > 0)
            {
                db.PaymentInstructions.Add(Instruction(PaymentKinds.Transfer, order.Order, key, 0, null, bill.Transfer.Cents, now));
            }

            issued.AddRange(bill.Shares.Select(s => new IssuedBill(s.FamilyId, order.Order.Id, order.PoolId, key, s.FamilyPays.Cents, s.Subsidy.Cents,
                grants.TryGetValue((order.Order.Id, s.FamilyId), out var g) && g.ShortOfBudget)));
        }

        await db.SaveChangesAsync(cancellationToken);
        var payments = await executor.ExecuteAsync(municipalityCode, cancellationToken);
        return payments with { OrdersBilled = due.Count, GrossCents = due.Sum(d => d.Bill.Gross.Cents), SubsidyCents = issued.Sum(i => i.SubsidyCents), Bills = issued };
    }

    public async Task<BillingReport> ReviseAsync(string municipalityCode, Guid orderId, BillingMonth period, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var key = period.ToString();
        var latest = await db.Bills.Where(b => b.OrderId == orderId && b.Period == key).OrderByDescending(b => b.Revision).FirstOrDefaultAsync(cancellationToken);
        var order = (await BillInputs.LoadAsync(db, catalog, municipalityCode, period, orderId, cancellationToken)).SingleOrDefault();
        if (latest is null || order is null)
        {
            return await executor.ExecuteAsync(municipalityCode, cancellationToken);
        }

        var before = ProgrammeJson.ToBill(latest);
        var draft = PeriodBilling.Bill(order.Terms, order.Members, period) ?? before with { Gross = Domain.Common.Money.Zero, Shares = [], Holdback = Domain.Common.Money.Zero };
        var grants = await GrantAsync(db, [(order, draft)], excludingPeriodOf: orderId, key, cancellationToken);
        var after = PeriodBilling.WithGrants(draft, Granted(grants, orderId), order.Terms.HoldbackPercent);
        var revision = BillRevision.Between(before, after);
        if (revision.Families.Count == 0 && revision.Gross.Cents == 0 && revision.Holdback.Cents == 0)
        {
            return await executor.ExecuteAsync(municipalityCode, cancellationToken);
        }

        var now = time.GetUtcNow();
        var number = latest.Revision + 1;
        db.Bills.Add(new BillRecord { OrderId = orderId, Period = key, Revision = number, GrossCents = after.Gross.Cents, HoldbackCents = after.Holdback.Cents, Shares = ProgrammeJson.Shares(after), CreatedAt = now });
        var earlier = await db.SubsidyGrants.Where(g => g.OrderId == orderId && g.Period == key).ToListAsync(cancellationToken);
        db.SubsidyGrants.RemoveRange(earlier);
        AddGrants(db, order, grants, municipalityCode, key, now);
        foreach (var grant in db.SubsidyGrants.Local.Where(g => g.OrderId == orderId && g.Period == key && db.Entry(g).State == EntityState.Added))
        {
            // A month the treasury already settled stays settled; a reduction shows in the ledger as the provider owing it back.
            if (earlier.FirstOrDefault(e => e.FamilyId == grant.FamilyId && e.SettledAt is not null) is { } settled)
            {
                (grant.SettledAt, grant.SettlementReference) = (settled.SettledAt, settled.SettlementReference);
            }
        }

        LedgerWriter.Post(db, BillPostings.For(new BillParties(orderId, order.Order.ProviderId, municipalityCode), period, revision), $"bill:{orderId}:{key}:{number}", now);
        foreach (var change in revision.Families.Where(f => f.FamilyPays.Cents != 0))
        {
            var kind = change.FamilyPays.Cents > 0 ? PaymentKinds.Charge : PaymentKinds.Refund;
            db.PaymentInstructions.Add(Instruction(kind, order.Order, key, number, change.FamilyId, Math.Abs(change.FamilyPays.Cents), now));
        }

        if (revision.Transfer.Cents != 0)
        {
            var kind = revision.Transfer.Cents > 0 ? PaymentKinds.Transfer : PaymentKinds.Reversal;
            db.PaymentInstructions.Add(Instruction(kind, order.Order, key, number, null, Math.Abs(revision.Transfer.Cents), now));
        }

        await db.SaveChangesAsync(cancellationToken);
        var payments = await executor.ExecuteAsync(municipalityCode, cancellationToken);
        var issued = revision.Families.Select(f => after.For(f.FamilyId) is { } s
            ? new IssuedBill(f.FamilyId, orderId, order.PoolId, key, s.FamilyPays.Cents, s.Subsidy.Cents, grants.TryGetValue((orderId, f.FamilyId), out var g) && g.ShortOfBudget)
            : new IssuedBill(f.FamilyId, orderId, order.PoolId, key, 0, 0, false)).ToList();
        return payments with { OrdersBilled = 1, GrossCents = after.Gross.Cents, SubsidyCents = after.SubsidyTotal.Cents, Bills = issued };
    }

    public Task<BillingReport> ExecutePaymentsAsync(string municipalityCode, CancellationToken cancellationToken = default) =>
        executor.ExecuteAsync(municipalityCode, cancellationToken);

    private static Dictionary<Guid, long> Granted(Dictionary<(Guid Order, Guid Family), Allocation> grants, Guid orderId) =>
        grants.Where(g => g.Key.Order == orderId).ToDictionary(g => g.Key.Family, g => g.Value.Granted);

    private sealed record Allocation(Guid ProgrammeId, long IseeCents, long Requested, long Granted, bool ShortOfBudget);

    /// <summary>
    /// Each programme grants what its budget has left (budget less every grant made, this order's
    /// period excepted when it is billed again), lowest ISEE first across every bill of the run.
    /// </summary>
    private static async Task<Dictionary<(Guid Order, Guid Family), Allocation>> GrantAsync(
        MarketplaceDbContext db, IReadOnlyList<(OrderToBill Order, PeriodBill Bill)> bills, Guid? excludingPeriodOf, string period, CancellationToken cancellationToken)
    {
        var result = new Dictionary<(Guid, Guid), Allocation>();
        foreach (var group in bills.Where(b => b.Order.Programme is not null).GroupBy(b => b.Order.Programme!.Id))
        {
            var programme = group.First().Order.Programme!;
            var used = await db.SubsidyGrants.Where(g => g.ProgrammeId == programme.Id && !(g.OrderId == excludingPeriodOf && g.Period == period)).SumAsync(g => g.GrantedCents, cancellationToken);
            var claims = new Dictionary<Guid, (Guid Order, BilledMember Member)>();
            foreach (var (order, bill) in group)
            {
                foreach (var share in bill.Shares.Where(s => s.Subsidy.Cents > 0))
                {
                    claims[Guid.NewGuid()] = (order.Order.Id, order.Members.Single(m => m.FamilyId == share.FamilyId));
                }
            }

            var requested = claims.Select(c => new SubsidyClaim(c.Value.Member.FamilyId, c.Value.Member.IseeCents ?? 0,
                group.Single(b => b.Order.Order.Id == c.Value.Order).Bill.For(c.Value.Member.FamilyId)!.Subsidy.Cents, c.Key)).ToList();
            foreach (var grant in BudgetAllocation.Allocate(programme.BudgetCents - used, requested))
            {
                var claim = claims[grant.Reference];
                var asked = requested.Single(r => r.Reference == grant.Reference);
                result[(claim.Order, claim.Member.FamilyId)] = new Allocation(programme.Id, asked.IseeCents, asked.RequestedCents, grant.GrantedCents, grant.ShortOfBudget);
            }
        }

        return result;
    }

    private static void AddGrants(MarketplaceDbContext db, OrderToBill order, Dictionary<(Guid Order, Guid Family), Allocation> grants, string municipalityCode, string period, DateTimeOffset now)
    {
        foreach (var ((orderId, familyId), grant) in grants.Where(g => g.Key.Order == order.Order.Id))
        {
            db.SubsidyGrants.Add(new SubsidyGrantRecord
            {
                OrderId = orderId, Period = period, FamilyId = familyId, ProgrammeId = grant.ProgrammeId, MunicipalityCode = municipalityCode,
                ProviderId = order.Order.ProviderId, IseeCents = grant.IseeCents, RequestedCents = grant.Requested, GrantedCents = grant.Granted,
                ShortOfBudget = grant.ShortOfBudget, GrantedAt = now,
            });
        }
    }

    private PaymentInstructionRecord Instruction(string kind, OrderRecord order, string period, int revision, Guid? familyId, long cents, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        Kind = kind,
        OrderId = order.Id,
        Period = period,
        Revision = revision,
        FamilyId = familyId,
        ProviderId = order.ProviderId,
        AmountCents = cents,
        IdempotencyKey = familyId is { } family ? $"{kind}:{order.Id}:{family}:{period}:r{revision}" : $"{kind}:{order.Id}:{period}:r{revision}",
        Status = stripe.Value.IsConfigured ? PaymentStatuses.Pending : PaymentStatuses.Manual,
        CreatedAt = now,
    };
}
