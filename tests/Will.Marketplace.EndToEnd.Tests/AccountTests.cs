namespace Will.Marketplace.EndToEnd.Tests;

public sealed class AccountTests
{
    [Test]
    public async Task Withdraw_FromTheDashboard_RemovesThePoolCardAndTellsTheOtherFamilyLive()
    {
        var leaving = await BrowserFixture.NewPageAsync();
        var staying = await BrowserFixture.NewPageAsync();
        await staying.SignIn("family.1@padova.demo");
        await staying.PostAfterSchoolRequest();
        var poolId = await staying.GetByTestId("pool-card").First.GetAttributeAsync("data-pool-id");
        await leaving.SignIn("family.2@padova.demo");
        await leaving.PostAfterSchoolRequest();
        await Expect(staying.PoolCard(poolId!).GetByTestId("pool-member-count")).ToHaveTextAsync("2");

        leaving.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await leaving.GetByTestId("withdraw").First.ClickAsync();

        await Expect(leaving.PoolCard(poolId!)).ToHaveCountAsync(0);
        await Expect(staying.PoolCard(poolId!).GetByTestId("pool-member-count")).ToHaveTextAsync("1");
    }

    [Test]
    public async Task Erase_WithThePassword_SignsOutAndTheAccountNoLongerSignsIn()
    {
        var page = await BrowserFixture.NewPageAsync();
        await page.SignIn("family.3@padova.demo");

        await page.Locator("details summary", new() { HasText = "Cancella il mio account" }).ClickAsync();
        await page.Locator("#erase-password").FillAsync(MarketplaceAppFactory.DemoPassword);
        await page.GetByTestId("erase-submit").ClickAsync();
        await Expect(page.Locator("#email")).ToBeVisibleAsync();
        await page.Locator("#email").FillAsync("family.3@padova.demo");
        await page.Locator("#password").FillAsync(MarketplaceAppFactory.DemoPassword);
        await page.GetByTestId("login-submit").ClickAsync();

        await Expect(page.Locator("#login-error")).ToBeVisibleAsync();
    }
}

public sealed class StaffViewTests
{
    [Test]
    public async Task StaffDashboard_ShowsTheCitysPoolsAndTheAccessLog_WithoutWcagViolations()
    {
        var family = await BrowserFixture.NewPageAsync();
        await family.SignIn("family.1@ravenna.demo");
        await family.PostAfterSchoolRequest();
        var poolId = await family.GetByTestId("pool-card").First.GetAttributeAsync("data-pool-id");
        var staff = await BrowserFixture.NewPageAsync();

        await staff.GotoAsync("/#/login");
        await staff.Locator("#email").FillAsync("staff@ravenna.demo");
        await staff.Locator("#password").FillAsync(MarketplaceAppFactory.DemoPassword);
        await staff.GetByTestId("login-submit").ClickAsync();

        await Expect(staff.GetByTestId("pool-card").First).ToBeVisibleAsync();
        // Who is signed in, the city once: the office's name already says it, a family's does not.
        await Expect(staff.Locator("#user-info")).ToHaveTextAsync("Ufficio welfare Ravenna");
        await Expect(family.Locator("#user-info")).ToHaveTextAsync("Famiglia Rossi · Ravenna");
        await Expect(staff.GetByTestId("audit-table").Locator("tbody tr").First).ToBeVisibleAsync();
        // The ten cities side by side, their own marked; Ravenna has at least the family's request, waiting.
        await Expect(staff.GetByTestId("city-row")).ToHaveCountAsync(10);
        var ravenna = staff.Locator("[data-testid='city-row'][data-municipality='039014']");
        await Expect(ravenna).ToHaveClassAsync("table-primary");
        Assert.That(int.Parse(await ravenna.Locator("td").Nth(2).InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture), Is.GreaterThanOrEqualTo(1), "waiting");
        await Expect(staff.GetByTestId("new-request")).ToHaveCountAsync(0);
        await Expect(staff.PoolCard(poolId!).GetByTestId("pool-timing")).ToHaveTextAsync("In formazione da meno di un'ora");
        await staff.Locator("#filter-status").SelectOptionAsync("open-for-bids");
        await staff.GetByTestId("pool-filters").GetByRole(AriaRole.Button).ClickAsync();
        await Expect(staff.GetByTestId("pool-card")).ToHaveCountAsync(0);
        await staff.Locator("#filter-status").SelectOptionAsync("forming");
        await staff.GetByTestId("pool-filters").GetByRole(AriaRole.Button).ClickAsync();
        await Expect(staff.GetByTestId("zone-group").First.GetByTestId("pool-card").First).ToBeVisibleAsync();
        var result = await Deque.AxeCore.Playwright.PageExtensions.RunAxe(staff, new Deque.AxeCore.Commons.AxeRunOptions
        {
            RunOnly = new Deque.AxeCore.Commons.RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        Assert.That(result.Violations, Is.Empty, string.Join("\n", result.Violations.Select(v => v.Id)));
    }

    [Test]
    public async Task StaffZones_AreNamedByWhereTheyLieFromTheCentre_WithTheCellOnTheMap()
    {
        // Three Bergamo families about 1.4 km north of the centre (45.6983, 9.6773) share a carer's week.
        await Steps.PostHomeCareTrio("bergamo.demo", 3, 45.7110, 9.6773, 0.0005);

        var staff = await BrowserFixture.NewPageAsync();
        await staff.SignIn("staff@bergamo.demo", "pool-filters");
        await staff.Locator("#filter-category").SelectOptionAsync("home-care-elderly");
        await staff.GetByTestId("pool-filters").GetByRole(AriaRole.Button).ClickAsync();

        // The cell's centre is rounded to 0.01°: 45.71, 9.68, that is 1.3 km north (a little east) of the centre.
        var zone = staff.GetByTestId("zone-group").First;
        await Expect(zone.Locator("h2")).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"^1,3 km a nord del centro \(1\)"));
        await Expect(zone.GetByTestId("zone-map")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex(@"^https://www\.openstreetmap\.org/\?mlat=45\.71&mlon=9\.68"));
        await Expect(zone.GetByTestId("pool-card")).ToHaveCountAsync(1);
    }
}

public sealed class NetworkViewTests
{
    [Test]
    public async Task Administrators_SeeTheNetworksPools_ChooseACity_AndZonesCarryTheirCitysName()
    {
        // Three Padova families near the centre (45.4064, 11.8768) share a carer's week.
        await Steps.PostHomeCareTrio("padova.demo", 4, 45.4070, 11.8768, 0.0005);

        var admin = await BrowserFixture.NewPageAsync();
        await admin.SignIn("admin@demo", "pool-filters");
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Gruppi della rete");
        await admin.GetByLabel("Comune").SelectOptionAsync(new SelectOptionValue { Label = "Padova" });
        await admin.GetByTestId("pool-filters").GetByRole(AriaRole.Button).ClickAsync();

        var zones = admin.GetByTestId("zone-group");
        await Expect(zones.First.Locator("h2")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^Padova · In centro \(\d+\)$"));
        foreach (var heading in await zones.Locator("h2").AllTextContentsAsync())
        {
            Assert.That(heading, Does.StartWith("Padova · "));
        }
    }
}

public sealed class HelpDeskPageTests
{
    [Test]
    public async Task Staff_ActForAResidentAtTheDesk_PostTheirRequestAndSeeItInTheAccessLog()
    {
        var page = await BrowserFixture.NewPageAsync();
        await page.GotoAsync("/#/login");
        await page.Locator("#email").FillAsync("staff@reggioemilia.demo");
        await page.Locator("#password").FillAsync(MarketplaceAppFactory.DemoPassword);
        await page.GetByTestId("login-submit").ClickAsync();

        await page.Locator("#desk-email").FillAsync("family.2@reggioemilia.demo");
        await page.GetByTestId("desk-find").ClickAsync();
        await page.GetByTestId("desk-act").ClickAsync();
        await Expect(page.GetByTestId("acting-banner")).ToBeVisibleAsync();
        await page.PostAfterSchoolRequest();
        await page.GetByTestId("desk-stop").ClickAsync();

        await Expect(page.GetByTestId("acting-banner")).ToBeHiddenAsync();
        // The log reads in words, people by name: who acted, for whom.
        var created = page.GetByTestId("audit-table").Locator("tbody tr", new() { HasText = "Creazione" }).First;
        await Expect(created).ToContainTextAsync("Richiesta");
        await Expect(created.GetByTestId("audit-who")).ToHaveTextAsync("Ufficio welfare Reggio Emilia · Personale del comune");
        await Expect(created.GetByTestId("audit-for")).ToHaveTextAsync("Famiglia Bianchi");
    }
}
