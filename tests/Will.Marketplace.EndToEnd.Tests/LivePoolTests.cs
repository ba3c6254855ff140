using System.Net.Http.Json;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Will.Marketplace.Domain.Common;

namespace Will.Marketplace.EndToEnd.Tests;

public sealed class LivePoolTests
{
    [Test]
    public async Task PoolCard_WhenAnotherFamilyJoinsInAnotherBrowser_UpdatesLiveWithoutReload()
    {
        var first = await BrowserFixture.NewPageAsync();
        var second = await BrowserFixture.NewPageAsync();
        await first.SignIn("family.1@bergamo.demo");
        await first.PostAfterSchoolRequest();
        var card = first.GetByTestId("pool-card").First;
        var poolId = await card.GetAttributeAsync("data-pool-id");
        await Expect(card.GetByTestId("pool-member-count")).ToHaveTextAsync("1");
        await Expect(card.GetByTestId("pool-missing")).ToHaveTextAsync(" · mancano ancora 3 famiglie");
        await Expect(first.GetByTestId("price-estimate").First).ToContainTextAsync("da sola, finché non si aggiunge un'altra famiglia");
        var navigations = 0;
        first.FrameNavigated += (_, frame) => navigations += frame == first.MainFrame ? 1 : 0;

        await second.SignIn("family.2@bergamo.demo");
        await second.PostAfterSchoolRequest();

        await Expect(second.PoolCard(poolId!).GetByTestId("pool-member-count")).ToHaveTextAsync("2");
        await Expect(first.PoolCard(poolId!).GetByTestId("pool-member-count")).ToHaveTextAsync("2");
        await Expect(first.PoolCard(poolId!).GetByTestId("pool-missing")).ToHaveTextAsync(" · mancano ancora 2 famiglie");
        await Expect(first.GetByTestId("price-estimate").First).ToContainTextAsync("con 2 famiglie");
        await Expect(first.GetByTestId("live-region")).Not.ToBeEmptyAsync();
        Assert.That(navigations, Is.Zero, "the first family's page was not reloaded");
        Assert.That(BrowserFixture.ConsoleErrors[first].Concat(BrowserFixture.ConsoleErrors[second]), Is.Empty, "no script error, nothing blocked by the Content-Security-Policy");
    }

    [Test]
    public async Task Messages_BetweenTwoFamiliesOfAPool_ArriveLive_WithLettersForNames()
    {
        // Two toddlers' families of Verona share a nanny's mornings: one pool.
        foreach (var (n, longitude) in new[] { (4, 10.9801), (5, 10.9806) })
        {
            using var client = await BrowserFixture.App.ClientFor($"family.{n}@verona.demo");
            var posted = await client.PostAsJsonAsync("/api/v1/requests", new
            {
                categoryCode = "nanny-share",
                location = new { latitude = 45.4301, longitude },
                schedule = new[] { "monday", "tuesday", "wednesday", "thursday", "friday" }.Select(day => new { day, start = "08:00", end = "13:00" }).ToArray(),
                startDate = ItalianCalendar.DayOf(DateTimeOffset.UtcNow).AddDays(14).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                attributes = new Dictionary<string, string> { ["ageBand"] = "0-2", ["language"] = "it" },
            });
            Assert.That(posted.IsSuccessStatusCode, await posted.Content.ReadAsStringAsync());
        }

        var first = await BrowserFixture.NewPageAsync();
        var second = await BrowserFixture.NewPageAsync();
        await first.SignIn("family.4@verona.demo");
        await second.SignIn("family.5@verona.demo");
        var firstThread = first.GetByTestId("pool-messages").First;
        var secondThread = second.GetByTestId("pool-messages").First;
        await firstThread.GetByText("Messaggi tra le famiglie del gruppo").ClickAsync();
        await Expect(firstThread.GetByTestId("messages-empty")).ToHaveTextAsync("Ancora nessun messaggio.");

        await firstThread.GetByLabel("Scrivi alle altre famiglie").FillAsync("Buongiorno! Siamo i Rossi, al parco giovedì?");
        await firstThread.GetByTestId("message-send").ClickAsync();

        await Expect(firstThread.GetByTestId("message")).ToContainTextAsync("Tu ·");
        // The other family's thread is folded: its summary counts what arrived, until opened.
        await Expect(secondThread.GetByTestId("messages-unread")).ToHaveTextAsync("1 nuovo");
        await secondThread.GetByText("Messaggi tra le famiglie del gruppo").ClickAsync();
        await Expect(secondThread.GetByTestId("messages-unread")).ToBeHiddenAsync();
        await Expect(secondThread.GetByTestId("message")).ToContainTextAsync("Famiglia A ·");
        await Expect(secondThread.GetByTestId("message")).ToContainTextAsync("Buongiorno! Siamo i Rossi, al parco giovedì?");
        await secondThread.GetByLabel("Scrivi alle altre famiglie").FillAsync("Volentieri!");
        await secondThread.GetByTestId("message-send").ClickAsync();
        await Expect(firstThread.GetByTestId("message").Nth(1)).ToContainTextAsync("Famiglia B ·");
        await Expect(firstThread.GetByTestId("message")).ToHaveCountAsync(2);

        // The second family reports the first's message; the city's staff, already on their page, see it
        // arrive, and only it, and hide it.
        var staff = await BrowserFixture.NewPageAsync();
        await staff.SignIn("staff@verona.demo", "pool-filters");
        await Expect(staff.GetByTestId("reported-messages")).ToBeVisibleAsync();
        await secondThread.GetByTestId("message").First.GetByTestId("message-report").ClickAsync();
        await Expect(secondThread.GetByTestId("message").First.GetByTestId("message-reported")).ToHaveTextAsync("Segnalato al Comune");
        var reported = staff.GetByTestId("reported-message");
        await Expect(reported).ToHaveCountAsync(1);
        await Expect(reported).ToContainTextAsync("Buongiorno! Siamo i Rossi, al parco giovedì?");
        await Expect(reported).Not.ToContainTextAsync("Volentieri!");
        await reported.GetByTestId("reported-hide").ClickAsync();
        await Expect(reported.GetByTestId("reported-state")).ToContainTextAsync("Nascosto il ");
        // Both families see it removed where it stood, without reloading.
        await Expect(secondThread.GetByTestId("message").First.GetByTestId("message-hidden")).ToHaveTextAsync("Messaggio rimosso dal Comune.");
        await Expect(firstThread.GetByTestId("message").First.GetByTestId("message-hidden")).ToHaveTextAsync("Messaggio rimosso dal Comune.");
        await Expect(firstThread.GetByTestId("message")).ToHaveCountAsync(2);

        // An empty message is refused where it is written, and read out with the field.
        await firstThread.GetByTestId("message-send").ClickAsync();
        await Expect(firstThread.GetByLabel("Scrivi alle altre famiglie")).ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex("Scrivi il messaggio\\.$"));
        var result = await first.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
        Assert.That(result.Violations, Is.Empty, string.Join("\n", result.Violations.Select(v => $"{v.Id}: {v.Help}")));
        Assert.That(BrowserFixture.ConsoleErrors[first].Concat(BrowserFixture.ConsoleErrors[second]).Concat(BrowserFixture.ConsoleErrors[staff]).Where(e => !e.Contains("400", StringComparison.Ordinal)), Is.Empty);
    }
}
