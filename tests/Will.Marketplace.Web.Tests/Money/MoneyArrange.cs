using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Will.Marketplace.Infrastructure.Persistence;
using Will.Marketplace.Infrastructure.Persistence.Entities;

namespace Will.Marketplace.Web.Tests.Money;

public static class MoneyArrange
{
    public static object Programme(string category, long budgetCents, int coverage = 50, long capCents = 20_000, long maxIseeCents = 1_500_000) => new
    {
        name = $"Sostegno {category} {Guid.NewGuid():N}"[..40],
        categories = new[] { category },
        validFrom = MoneySeed.FirstOfMonth.AddMonths(-3),
        validTo = MoneySeed.FirstOfMonth.AddMonths(12),
        budgetCents,
        bands = new[] { new { maxIseeCents, coveragePercent = coverage, monthlyCapCents = capCents } },
    };

    public static async Task<Guid> CreateProgrammeAsync(HttpClient staff, object programme)
    {
        var response = await staff.PostAsJsonAsync("/api/v1/subsidies/programmes", programme);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
    }

    public static async Task<System.Text.Json.JsonElement> BillAsync(HttpClient staff, string period)
    {
        var response = await staff.PostAsJsonAsync("/api/v1/billing/runs", new { period });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
    }

    /// <summary>The order's ledger lines, and the balance of each account over them.</summary>
    public static async Task<(IReadOnlyList<LedgerEntryRecord> Entries, IReadOnlyDictionary<string, long> Balances)> LedgerAsync(MarketplaceAppFactory app, Guid orderId)
    {
        await using var db = await app.Service<IDbContextFactory<MarketplaceDbContext>>().CreateDbContextAsync();
        var entries = await db.LedgerEntries.AsNoTracking().Where(e => e.OrderId == orderId).ToListAsync();
        return (entries, entries.GroupBy(e => $"{e.AccountKind}:{e.AccountOwner}").ToDictionary(g => g.Key, g => g.Sum(e => e.AmountCents)));
    }

    public static async Task<List<PaymentInstructionRecord>> PaymentsAsync(MarketplaceAppFactory app, Guid orderId)
    {
        await using var db = await app.Service<IDbContextFactory<MarketplaceDbContext>>().CreateDbContextAsync();
        return await db.PaymentInstructions.AsNoTracking().Where(p => p.OrderId == orderId).OrderBy(p => p.CreatedAt).ToListAsync();
    }
}
