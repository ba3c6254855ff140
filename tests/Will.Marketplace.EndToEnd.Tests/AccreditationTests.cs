using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;

namespace Will.Marketplace.EndToEnd.Tests;

public sealed class AccreditationTests
{
    [Test]
    public async Task StaffSuspendThenRenew_TheStateChangesAtOnce()
    {
        var staff = await BrowserFixture.NewPageAsync();
        staff.Dialog += async (_, dialog) => await dialog.AcceptAsync(dialog.Type == "prompt" ? "Verifica dei requisiti in corso" : null);
        await staff.SignIn("staff@novara.demo", "pool-filters");
        var provider = staff.GetByTestId("provider").Filter(new() { HasText = "Cooperativa Sociale Aurora" });
        var nannyShare = provider.Locator("tr[data-category='nanny-share']");
        await Expect(nannyShare.GetByTestId("accreditation-state")).ToHaveTextAsync("Attivo");
        var result = await staff.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
        Assert.That(result.Violations, Is.Empty, string.Join("\n", result.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Target))})")));

        await nannyShare.GetByTestId("suspend").ClickAsync();
        await Expect(nannyShare.GetByTestId("accreditation-state")).ToContainTextAsync("Sospeso dal");
        await Expect(nannyShare.GetByTestId("accreditation-state")).ToContainTextAsync("Verifica dei requisiti");

        await nannyShare.GetByTestId("accredit").ClickAsync();
        await Expect(nannyShare.GetByTestId("accreditation-state")).ToHaveTextAsync("Attivo");
        await Expect(staff.GetByTestId("ocds-link")).ToHaveAttributeAsync("href", "/api/v1/open-data/ocds/003106");
        Assert.That(BrowserFixture.ConsoleErrors[staff], Is.Empty);
    }
}
