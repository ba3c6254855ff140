using Microsoft.EntityFrameworkCore;
using Will.Marketplace.Domain.Billing;
using Will.Marketplace.Domain.Catalog;
using Will.Marketplace.Domain.Ports;
using Will.Marketplace.Domain.Scheduling;
using Will.Marketplace.Infrastructure.Persistence;
using Will.Marketplace.Infrastructure.Persistence.Entities;

namespace Will.Marketplace.Infrastructure.Billing;

/// <summary>An order as billing sees it: its terms, its members with their subsidy rules, and the programme paying them.</summary>
public sealed record OrderToBill(OrderRecord Order, Guid PoolId, OrderTerms Terms, IReadOnlyList<BilledMember> Members, SubsidyProgramme? Programme);

/// <summary>Loads what a month's bills are made of. A subsidy needs an ISEE verified by staff and valid on the period's first day.</summary>
public static class BillInputs
{
    public static async Task<IReadOnlyList<OrderToBill>> LoadAsync(
        MarketplaceDbContext db, ICategoryCatalog catalog, string municipalityCode, BillingMonth period, Guid? onlyOrder, CancellationToken cancellationToken)
    {
        var rows = await db.Orders.AsNoTracking().Include(o => o.Members)
            .Join(db.Pools.AsNoTracking(), o => o.PoolId, p => p.Id, (o, p) => new { Order = o, p.MunicipalityCode, p.CategoryCode })
            .Where(x => x.MunicipalityCode == municipalityCode && x.Order.StartsOn <= period.LastDay && (onlyOrder == null || x.Order.Id == onlyOrder))
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return [];
        }

        var requestIds = rows.SelectMany(r => r.Order.Members.Select(m => m.RequestId)).ToList();
        var schedules = await db.Requests.AsNoTracking().Where(r => requestIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Schedule, cancellationToken);
        var familyIds = rows.SelectMany(r => r.Order.Members.Select(m => m.FamilyId)).Distinct().ToList();
        var isee = await db.IseeDeclarations.AsNoTracking()
            .Where(d => familyIds.Contains(d.FamilyId) && d.VerifiedAt != null && d.ExpiresOn >= period.FirstDay)
            .ToDictionaryAsync(d => d.FamilyId, d => d.IseeCents, cancellationToken);
        var programmes = (await db.SubsidyProgrammes.AsNoTracking()
                .Where(p => p.MunicipalityCode == municipalityCode && p.ValidFrom <= period.LastDay && p.ValidTo >= period.FirstDay)
                .ToListAsync(cancellationToken))
            .OrderBy(p => p.CreatedAt).ThenBy(p => p.Id).Select(ProgrammeJson.ToDomain).ToList();

        var result = new List<OrderToBill>(rows.Count);
        foreach (var row in rows)
        {
            var category = await catalog.FindAsync(municipalityCode, row.CategoryCode, cancellationToken);
            var orderSchedule = WeeklySchedule.Parse(row.Order.Schedule);
            var programme = programmes.FirstOrDefault(p => p.Categories.Contains(row.CategoryCode));
            var terms = new OrderTerms(row.Order.Id, category?.Mode ?? PoolingMode.Group, row.Order.WeeklyCostCents, orderSchedule.TotalMinutes, row.Order.StartsOn, row.Order.HoldbackPercent);
            var members = row.Order.Members.Select(m =>
            {
                var own = schedules.TryGetValue(m.RequestId, out var text) ? WeeklySchedule.Parse(text) : orderSchedule;
                var minutes = own.Intersect(orderSchedule).TotalMinutes;
                long? familyIsee = isee.TryGetValue(m.FamilyId, out var value) ? value : null;
                var rule = programme is not null && familyIsee is { } known ? programme.RuleFor(known) : null;
                return new BilledMember(m.FamilyId, minutes, m.JoinedOn, m.LeftOn, rule, familyIsee);
            }).ToList();
            result.Add(new OrderToBill(row.Order, row.Order.PoolId, terms, members, programme));
        }

        return result;
    }
}
