using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;

namespace Will.Marketplace.EndToEnd.Tests;

/// <summary>WCAG 2.1 AA checks with axe-core on the pages a family sees.</summary>
public sealed class AccessibilityTests
{
    private static readonly AxeRunOptions WcagAA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    private static string Describe(AxeResult result) =>
        string.Join("\n", result.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Target))})"));

    [Test]
    public async Task LoginPage_HasNoWcagAAViolations()
    {
        var page = await BrowserFixture.NewPageAsync();
        await page.GotoAsync("/#/login");
        await Expect(page.Locator("#email")).ToBeVisibleAsync();

        var result = await page.RunAxe(WcagAA);

        Assert.That(result.Violations, Is.Empty, Describe(result));
    }

    [Test]
    public async Task NewRequestForm_HasNoWcagAAViolations()
    {
        var page = await BrowserFixture.NewPageAsync();
        await page.SignIn("family.3@como.demo");
        await page.GetByTestId("new-request").ClickAsync();
        await Expect(page.Locator("#category")).ToBeVisibleAsync();

        var result = await page.RunAxe(WcagAA);

        Assert.That(result.Violations, Is.Empty, Describe(result));
    }

    [Test]
    public async Task Dashboard_InEnglish_HasNoWcagAAViolationsAndDeclaresTheLanguage()
    {
        var page = await BrowserFixture.NewPageAsync("en-GB");
        await page.SignIn("family.4@como.demo");
        await page.GetByRole(AriaRole.Button, new() { Name = "EN", Exact = true }).ClickAsync();

        var result = await page.RunAxe(WcagAA);

        Assert.That(await page.Locator("html").GetAttributeAsync("lang"), Is.EqualTo("en"));
        Assert.That(result.Violations, Is.Empty, Describe(result));
    }
}
