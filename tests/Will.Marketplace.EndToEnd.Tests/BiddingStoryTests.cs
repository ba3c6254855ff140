using System.Net.Http.Json;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Will.Marketplace.Domain.Common;
using Will.Marketplace.Infrastructure.Persistence;

namespace Will.Marketplace.EndToEnd.Tests;

/// <summary>
/// Ravenna, nanny share with a bidding window of a few seconds: the pool reaches quorum, the open
/// tender appears live on a provider's board, two providers bid, the deadline awards the pool, and
/// a family reads the award with every bid's score; the families confirm and the order exists.
/// </summary>
public sealed class BiddingStoryTests
{
    private sealed record PoolRef(Guid Id, string Status);

    private sealed record RequestRef(Guid Id);

    private sealed record CreatedWithRequest(RequestRef Request, PoolRef Pool);

    private static object NannyShare(double longitude) => new
    {
        categoryCode = "nanny-share",
        location = new { latitude = 44.4184, longitude },
        schedule = new[] { "monday", "tuesday", "wednesday", "thursday", "friday" }.Select(day => new { day, start = "08:00", end = "13:00" }).ToArray(),
        startDate = ItalianCalendar.DayOf(DateTimeOffset.UtcNow).AddDays(14).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        attributes = new Dictionary<string, string> { ["ageBand"] = "0-2", ["language"] = "it" },
    };

    [Test]
    public async Task Story_PoolOpensProvidersBidDeadlineAwards_TheFamilySeesTheScores()
    {
        ShortBiddingWindows.Set("039014", "nanny-share", TimeSpan.FromSeconds(25));
        var provider = await BrowserFixture.NewPageAsync();
        await provider.SignIn("provider.1@ravenna.demo", "board-empty");
        var family = await BrowserFixture.NewPageAsync();
        await family.SignIn("family.1@ravenna.demo");

        using var first = await BrowserFixture.App.ClientFor("family.1@ravenna.demo");
        using var second = await BrowserFixture.App.ClientFor("family.2@ravenna.demo");
        await first.PostAsJsonAsync("/api/v1/requests", NannyShare(12.2035));
        var opened = await (await second.PostAsJsonAsync("/api/v1/requests", NannyShare(12.2045))).Content.ReadFromJsonAsync<CreatedWithRequest>();
        Assert.That(opened!.Pool.Status, Is.EqualTo("open-for-bids"));

        // The family hears its pool can go ahead, and until when providers bid.
        await Expect(family.Locator("[data-testid='pool-notice'][data-kind='opened']")).ToContainTextAsync("può partire: i fornitori fanno offerte fino al ");
        await Expect(family.PoolCard(opened.Pool.Id.ToString()).GetByTestId("pool-bidding")).ToContainTextAsync("Offerte dei fornitori fino al ");
        // Both families asked to start in two weeks: the family sees its date, and family and provider when the service may start.
        var twoWeeks = ItalianCalendar.DayOf(DateTimeOffset.UtcNow).AddDays(14).ToDateTime(TimeOnly.MinValue).ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("it-IT"));
        await Expect(family.GetByTestId("request-start").First).ToHaveTextAsync($"Inizio desiderato: dal {twoWeeks}");
        await Expect(family.PoolCard(opened.Pool.Id.ToString()).GetByTestId("pool-starts")).ToHaveTextAsync($"Il servizio parte di lunedì, non prima del {twoWeeks}");
        await Expect(provider.PoolCard(opened.Pool.Id.ToString()).GetByTestId("pool-starts")).ToHaveTextAsync($"Il servizio parte di lunedì, non prima del {twoWeeks}");

        // The tender appears on the provider's board without a reload.
        var form = provider.GetByTestId("bid-form");
        await Expect(form).ToHaveCountAsync(1);
        var result = await provider.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
        Assert.That(result.Violations, Is.Empty, string.Join("\n", result.Violations.Select(v => $"{v.Id}: {v.Help}")));
        // The price the families' estimates used (nanny share, 16 € an hour) guides the bid, and is read out with the field.
        await Expect(form.GetByTestId("bid-reference")).ToContainTextAsync("16,00");
        await Expect(form.GetByLabel("Prezzo (euro)")).ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex("^Prezzo di riferimento: 16,00"));
        await form.GetByLabel("Prezzo (euro)").FillAsync("17.50");
        // Bootstrap Italia draws the checkbox on its label: click there, as a person does.
        await form.GetByText("Soddisfazione delle famiglie").ClickAsync();
        await form.GetByText("Continuità dello stesso operatore").ClickAsync();
        await form.GetByText("Ci impegniamo a mantenere").ClickAsync();
        await Expect(form.GetByLabel("Continuità dello stesso operatore")).ToBeCheckedAsync();
        await form.GetByTestId("bid-submit").ClickAsync();
        await Expect(provider.GetByTestId("my-bid")).ToContainTextAsync("17,50");

        using var girasole = await BrowserFixture.App.ClientFor("provider.2@ravenna.demo");
        var rival = await girasole.PostAsJsonAsync($"/api/v1/pools/{opened.Pool.Id}/bids", new { priceCents = 1_600, unit = "per-hour" });
        Assert.That(rival.IsSuccessStatusCode, Is.True, await rival.Content.ReadAsStringAsync());

        var notice = family.GetByTestId("pool-notice").And(family.Locator("[data-kind='awarded']"));
        await Expect(notice).ToBeVisibleAsync(new() { Timeout = 90_000 });
        await family.GetByTestId("award-show").ClickAsync();
        await Expect(family.GetByTestId("award-winner")).ToContainTextAsync("Cooperativa Sociale Aurora");
        await Expect(family.GetByTestId("award").Locator("tbody tr")).ToHaveCountAsync(2);
        // The winner's board lists the tender among its services, waiting for the families.
        var service = provider.Locator($"[data-testid='my-service'][data-pool-id='{opened.Pool.Id}']");
        await Expect(service.GetByTestId("service-state")).ToHaveTextAsync("Aggiudicata a voi: in attesa delle conferme delle famiglie");
        await Expect(provider.Locator($"[data-testid='bid-outcome'][data-pool-id='{opened.Pool.Id}']").GetByTestId("bid-outcome-text")).ToHaveTextAsync("Aggiudicata a voi");

        // The other family confirms through the API; this one in the browser, which starts the order.
        var other = await second.PostAsync($"/api/v1/requests/{opened.Request.Id}/award/confirm", null);
        Assert.That(other.IsSuccessStatusCode, Is.True, await other.Content.ReadAsStringAsync());
        await family.GetByTestId("award-confirm").ClickAsync();
        await Expect(family.GetByTestId("order")).ToContainTextAsync("Cooperativa Sociale Aurora");
        await Expect(family.GetByTestId("order")).ToContainTextAsync("2 famiglie");
        await Expect(family.GetByTestId("pool-status").First).ToHaveTextAsync("Attivo");
        await Expect(service.GetByTestId("service-state")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Confermato da tutte le famiglie: inizia il "));
        await Expect(service).ToContainTextAsync("17,50 € all'ora");
        // Both can put the weekly sessions in their calendar: weekday mornings, 08:00–13:00 in Italian time.
        var download = await family.RunAndWaitForDownloadAsync(() => family.GetByTestId("order-calendar").ClickAsync());
        var ics = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.That(download.SuggestedFilename, Is.EqualTo("servizio.ics"));
        Assert.That(System.Text.RegularExpressions.Regex.Count(ics, "RRULE:FREQ=WEEKLY;BYDAY=(MO|TU|WE|TH|FR)"), Is.EqualTo(5), ics);
        Assert.That(ics, Does.Contain("DTSTART;TZID=Europe/Rome:").And.Contain("T080000"));
        await Expect(service.GetByTestId("order-calendar")).ToHaveAttributeAsync("href", $"/api/v1/pools/{opened.Pool.Id}/order/calendar.ics?ui-culture=it");

        // A month of service later (the order is moved to have started this month): the family rates, staff verify.
        await using (var db = await BrowserFixture.App.Service<IDbContextFactory<MarketplaceDbContext>>().CreateDbContextAsync())
        {
            var today = ItalianCalendar.DayOf(DateTimeOffset.UtcNow);
            await db.Orders.Where(o => o.PoolId == opened.Pool.Id).ExecuteUpdateAsync(o => o.SetProperty(x => x.StartsOn, new DateOnly(today.Year, today.Month, 1)));
        }

        await family.ReloadAsync();
        var rating = family.GetByTestId("rating-form");
        await rating.GetByLabel("Voto (da 1 a 5)").SelectOptionAsync("5");
        await rating.GetByTestId("rate-submit").ClickAsync();
        await Expect(rating.GetByRole(AriaRole.Status)).ToHaveTextAsync("Grazie: valutazione registrata.");

        var staff = await BrowserFixture.NewPageAsync();
        await staff.SignIn("staff@ravenna.demo", "pool-filters");
        var activeCard = staff.Locator("div").Filter(new() { Has = staff.Locator($"[data-pool-id='{opened.Pool.Id}']") }).Last;
        await activeCard.GetByTestId("verify-show").ClickAsync();
        var verify = staff.GetByTestId("verify-form").First;
        await verify.GetByTestId("verify-submit").ClickAsync();
        await Expect(staff.GetByTestId("verdict").First).ToContainTextAsync("trattenuta liberata");
        Assert.That(BrowserFixture.ConsoleErrors[provider].Concat(BrowserFixture.ConsoleErrors[family]), Is.Empty);
    }
}
