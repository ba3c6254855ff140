using System.Globalization;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Will.Marketplace.Domain.Billing;
using Will.Marketplace.Domain.Catalog;

namespace Will.Marketplace.EndToEnd.Tests;

public sealed class BillTests
{
    private static readonly AxeRunOptions WcagAA = new() { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } };

    [Test]
    public async Task FamilySeesItsBill_WithTheSubsidyItsVerifiedIseeGives()
    {
        // A running after-school group of two Rovigo families since the 1st, 300 € a week, no holdback.
        var order = (await MoneySeed.OrdersAsync(BrowserFixture.App, "029041", "rovigo.demo", "after-school", [[1, 2]], weeklyCostCents: 30_000, holdbackPercent: 0))[0];
        var family = await BrowserFixture.NewPageAsync();
        var staff = await BrowserFixture.NewPageAsync();
        await family.SignIn(order.FamilyEmails[0]);
        await Expect(family.GetByTestId("bills-empty")).ToBeVisibleAsync();

        // The family declares its ISEE; a missing protocol is shown next to its field.
        await family.Locator("#isee-value").FillAsync("9000");
        await family.Locator("#isee-expires").FillAsync(MoneySeed.Today.AddYears(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await family.GetByTestId("isee-submit").ClickAsync();
        await Expect(family.Locator("#isee-protocol-error")).Not.ToBeEmptyAsync();
        await family.Locator("#isee-protocol").FillAsync("INPS-ISEE-2026-00004242A-00");
        await family.GetByTestId("isee-submit").ClickAsync();
        await Expect(family.GetByTestId("isee-state")).ToHaveTextAsync("In attesa di verifica");

        // Staff create a programme (50 % up to 200 € a month below 15,000 € of ISEE), verify the ISEE and bill the month.
        await staff.SignIn("staff@rovigo.demo", "pool-filters");
        await staff.Locator("#prog-name").FillAsync("Doposcuola per tutti");
        await staff.Locator("label[for='prog-cat-after-school']").ClickAsync();
        await staff.Locator("#prog-from").FillAsync(MoneySeed.FirstOfMonth.AddMonths(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await staff.Locator("#prog-to").FillAsync(MoneySeed.FirstOfMonth.AddMonths(12).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await staff.Locator("#prog-budget").FillAsync("10000");
        await staff.Locator("#prog-band1-max").FillAsync("15000");
        await staff.Locator("#prog-band1-percent").FillAsync("50");
        await staff.Locator("#prog-band1-cap").FillAsync("200");
        await staff.GetByTestId("programme-submit").ClickAsync();
        var programme = staff.GetByTestId("programme").Filter(new() { HasText = "Doposcuola per tutti" });
        await Expect(programme.GetByTestId("programme-remaining")).ToHaveAttributeAsync("data-cents", "1000000");
        await staff.GetByTestId("isee-verify").Filter(new() { HasText = "Famiglia Rossi" }).ClickAsync();
        await Expect(staff.GetByTestId("isee-declarations")).ToContainTextAsync("Verificato dal Comune");
        await staff.GetByTestId("bill-run-submit").ClickAsync();
        await Expect(staff.GetByTestId("bill-run-result")).ToContainTextAsync("servizi 1,");

        // The treasury's list now holds the subsidy granted; settling it says so, and the list loads without a word of error.
        await staff.GetByTestId("obligations-show").ClickAsync();
        await Expect(staff.GetByTestId("obligations")).ToContainTextAsync("Da liquidare");
        await Expect(staff.GetByTestId("obligations-status")).ToBeEmptyAsync();
        await staff.Locator("#obl-reference").FillAsync("CRO-0000-2026-0042");
        await staff.GetByTestId("obligations-settle").ClickAsync();
        await Expect(staff.GetByTestId("obligations-settle-result")).ToContainTextAsync("Contributi liquidati: 1, per");
        await Expect(staff.GetByTestId("obligations")).ToContainTextAsync("CRO-0000-2026-0042");
        await Expect(staff.GetByTestId("obligations-status")).ToBeEmptyAsync();
        var staffAxe = await staff.GetByTestId("staff-money").RunAxe(WcagAA);
        Assert.That(staffAxe.Violations, Is.Empty, Describe(staffAxe));

        // The family is told at once and reads its bill: its share, the subsidy, what it pays.
        var rule = new SubsidyRule(50, 20_000);
        var expected = PeriodBilling.Bill(new OrderTerms(order.OrderId, PoolingMode.Group, 30_000, 360, MoneySeed.FirstOfMonth, 0),
            [new(order.Families[0], 360, MoneySeed.FirstOfMonth, null, rule), new(order.Families[1], 360, MoneySeed.FirstOfMonth, null, null)], BillingMonth.Of(MoneySeed.Today))!.For(order.Families[0])!;
        await Expect(family.Locator("[data-testid='pool-notice'][data-kind='bill-issued']")).ToBeVisibleAsync();
        var bill = family.Locator($"[data-testid='bill'][data-period='{MoneySeed.CurrentPeriod}']");
        await Expect(bill.GetByTestId("bill-share")).ToHaveAttributeAsync("data-cents", expected.Share.Cents.ToString(CultureInfo.InvariantCulture));
        await Expect(bill.GetByTestId("bill-subsidy")).ToHaveAttributeAsync("data-cents", Math.Min(expected.Share.Cents / 2, 20_000).ToString(CultureInfo.InvariantCulture));
        await Expect(bill.GetByTestId("bill-pays")).ToHaveAttributeAsync("data-cents", expected.FamilyPays.Cents.ToString(CultureInfo.InvariantCulture));
        await Expect(bill.GetByTestId("bill-pays")).ToHaveTextAsync(Euro(expected.FamilyPays.Cents));
        await Expect(bill).ToContainTextAsync("Da pagare con bonifico");
        var familyAxe = await family.GetByTestId("money").RunAxe(WcagAA);
        Assert.That(familyAxe.Violations, Is.Empty, Describe(familyAxe));
        Assert.That(BrowserFixture.ConsoleErrors[family].Concat(BrowserFixture.ConsoleErrors[staff]), Is.Empty);
    }

    /// <summary>Euro as an Italian browser writes them: 1.234,56 € (with a no-break space).</summary>
    private static string Euro(long cents) => (cents / 100m).ToString("#,##0.00", CultureInfo.GetCultureInfo("it-IT")) + "\u00a0€";

    private static string Describe(AxeResult result) =>
        string.Join("\n", result.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Target))})"));
}
