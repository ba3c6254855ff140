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

    /// <summary>
    /// WCAG 2.1 AA, 1.4.10 Reflow: at 320 CSS pixels wide nothing needs scrolling sideways. On a phone
    /// the header's tools once ran off the screen, sign-out and all, and its fixed height cut the brand off.
    /// </summary>
    [Test]
    public async Task FamilyPages_OnAPhone_ReflowWithoutSidewaysScrolling_EveryHeaderControlOnScreen()
    {
        await Steps.PostHomeCareTrio("rovigo.demo", 1, 45.0698, 11.7902, 0.002);
        var page = await BrowserFixture.NewPageAsync(viewport: new ViewportSize { Width = 320, Height = 640 });
        await page.SignIn("family.1@rovigo.demo");
        await Expect(page.GetByTestId("pool-card").First).ToBeVisibleAsync();
        await AssertFitsTheScreen(page, "[data-testid='pool-card']");

        await page.GetByTestId("new-request").ClickAsync();
        await Expect(page.Locator("#category")).ToBeVisibleAsync();
        await AssertFitsTheScreen(page, "#category");
    }

    [TestCase("staff@rovigo.demo", "pool-filters", "[data-testid='cities']")]
    [TestCase("provider.1@rovigo.demo", "my-services", "[data-testid='my-services']")]
    public async Task StaffAndProviderPages_OnAPhone_ReflowWithoutSidewaysScrolling(string who, string landmark, string content)
    {
        var page = await BrowserFixture.NewPageAsync(viewport: new ViewportSize { Width = 320, Height = 640 });
        await page.SignIn(who, landmark);
        await Expect(page.Locator(content)).ToBeVisibleAsync();
        await AssertFitsTheScreen(page, content);
    }

    /// <summary>No sideways scrolling, and the header's controls and <paramref name="content"/> wholly on the screen's width.</summary>
    private static async Task AssertFitsTheScreen(IPage page, string content)
    {
        var scrolled = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        var visible = await page.EvaluateAsync<int>("() => document.documentElement.clientWidth");
        Assert.That(scrolled, Is.LessThanOrEqualTo(visible), "the page scrolls sideways");
        foreach (var selector in new[] { ".it-brand-title", "#language-switch", "#security-link", "#logout", content })
        {
            var box = await page.Locator(selector).First.BoundingBoxAsync();
            Assert.That(box, Is.Not.Null, selector);
            Assert.Multiple(() =>
            {
                Assert.That(box!.X, Is.GreaterThanOrEqualTo(0), $"{selector} starts left of the screen");
                Assert.That(box.Y, Is.GreaterThanOrEqualTo(0), $"{selector} starts above the page");
                Assert.That(box.X + box.Width, Is.LessThanOrEqualTo(visible + 0.5), $"{selector} ends right of the screen");
            });
        }
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
