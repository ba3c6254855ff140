namespace Will.Marketplace.EndToEnd.Tests;

/// <summary>What a family does in the browser app, step by step, through labelled controls.</summary>
internal static class Steps
{
    /// <summary>Signs in and waits for the dashboard: a family's (new-request) or staff's (pool-filters).</summary>
    public static async Task SignIn(this IPage page, string email, string dashboardTestId = "new-request")
    {
        await page.GotoAsync("/#/login");
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(MarketplaceAppFactory.DemoPassword);
        await page.GetByTestId("login-submit").ClickAsync();
        await Expect(page.GetByTestId(dashboardTestId)).ToBeVisibleAsync();
    }

    /// <summary>Posts an after-school request for Tuesday and Thursday afternoons, children 6-10.</summary>
    public static async Task PostAfterSchoolRequest(this IPage page)
    {
        await page.GetByTestId("new-request").ClickAsync();
        await page.Locator("#category").SelectOptionAsync("after-school");
        await page.ChooseDay("tuesday");
        await page.ChooseDay("thursday");
        await page.Locator("#ageBand").SelectOptionAsync("6-10");
        await page.GetByTestId("request-submit").ClickAsync();
        await Expect(page.GetByTestId("pool-card").First).ToBeVisibleAsync();
    }

    /// <summary>Bootstrap Italia draws the checkbox on its label, so the label is what a person clicks.</summary>
    public static async Task ChooseDay(this IPage page, string day)
    {
        await page.Locator($"label[for='day-{day}']").ClickAsync();
        await Expect(page.Locator($"#day-{day}")).ToBeCheckedAsync();
    }

    public static ILocator PoolCard(this IPage page, string poolId) => page.Locator($"[data-testid='pool-card'][data-pool-id='{poolId}']");
}
