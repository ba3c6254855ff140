namespace Will.Marketplace.EndToEnd.Tests;

public sealed class SecurityPageTests
{
    [Test]
    public async Task SecondFactor_SetUpInTheBrowser_IsAskedForAtTheNextSignIn()
    {
        var page = await BrowserFixture.NewPageAsync();
        await page.SignIn("family.4@novara.demo");
        await page.GotoAsync("/#/security");
        await page.GetByTestId("two-factor-start").ClickAsync();
        var key = await page.GetByTestId("two-factor-key").InnerTextAsync();
        await page.Locator("#enable-code").FillAsync(Totp.Now(key));
        await page.GetByTestId("two-factor-confirm").ClickAsync();
        await Expect(page.GetByTestId("recovery-codes").Locator("li")).ToHaveCountAsync(10);

        await page.Locator("#logout").ClickAsync();
        await page.Locator("#email").FillAsync("family.4@novara.demo");
        await page.Locator("#password").FillAsync(MarketplaceAppFactory.DemoPassword);
        await page.GetByTestId("login-submit").ClickAsync();
        await Expect(page.Locator("#twoFactorCode")).ToBeVisibleAsync();
        await page.Locator("#twoFactorCode").FillAsync(Totp.Now(key));
        await page.GetByTestId("login-submit").ClickAsync();

        await Expect(page.GetByTestId("new-request")).ToBeVisibleAsync();
    }
}
