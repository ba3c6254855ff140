using System.Net.Http.Json;
using Will.Marketplace.Abstractions.Matching;
using Will.Marketplace.Abstractions.Pools;
using Will.Marketplace.Domain.Common;

namespace Will.Marketplace.EndToEnd.Tests;

public sealed class RegroupingTests
{
    private sealed record MeView(Guid Id);

    [Test]
    public async Task RegroupNow_WhenStaffRegroupWaitingFamilies_TheFamilySeesWhyItMoved()
    {
        // Three Verona families, each waiting alone in a home-care pool started straight on its grain.
        var grains = BrowserFixture.App.Service<IGrainFactory>();
        for (var n = 1; n <= 3; n++)
        {
            using var client = await BrowserFixture.App.ClientFor($"family.{n}@verona.demo");
            var me = await client.GetFromJsonAsync<MeView>("/api/v1/account/me");
            var command = new PlaceRequestCommand(Guid.CreateVersion7(), me!.Id, "023091", "home-care-elderly", 45.4384 + n * 0.002, 10.9916,
                $"{new[] { "mon", "tue", "wed" }[n - 1]} 09:00-11:00", ItalianCalendar.DayOf(DateTimeOffset.UtcNow).AddDays(20), new Dictionary<string, string>(), null, DateTimeOffset.UtcNow);
            Assert.That((await grains.GetGrain<IDemandPoolGrain>(Guid.CreateVersion7()).Start(command)).Joined, Is.True);
        }

        var family = await BrowserFixture.NewPageAsync();
        var staff = await BrowserFixture.NewPageAsync();
        await family.SignIn("family.2@verona.demo");
        await staff.SignIn("staff@verona.demo", "pool-filters");

        await staff.GetByTestId("reoptimise").ClickAsync();
        await Expect(staff.GetByTestId("reoptimise-result")).ToContainTextAsync("Scegli prima una categoria");
        await staff.Locator("#filter-category").SelectOptionAsync("home-care-elderly");
        await staff.GetByTestId("reoptimise").ClickAsync();

        await Expect(staff.GetByTestId("reoptimise-result")).ToContainTextAsync("3 famiglie in attesa: 3 ora in gruppi che possono partire");
        var notice = family.GetByTestId("pool-notice");
        await Expect(notice).ToHaveAttributeAsync("data-kind", "regrouped");
        await Expect(notice).ToContainTextAsync("gruppo che può partire");
        await Expect(family.GetByTestId("pool-card").First.GetByTestId("pool-member-count")).ToHaveTextAsync("3");
        await notice.GetByRole(AriaRole.Button).ClickAsync();
        await Expect(family.GetByTestId("pool-notice")).ToHaveCountAsync(0);
        Assert.That(BrowserFixture.ConsoleErrors[family].Concat(BrowserFixture.ConsoleErrors[staff]), Is.Empty);
    }
}
