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
