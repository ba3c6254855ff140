namespace Will.Marketplace.EndToEnd.Tests;

public sealed class RequestFormTests
{
    [Test]
    public async Task Submit_WhenTheServerRefusesFields_ShowsEachErrorByItsFieldAndKeepsWhatWasTyped()
    {
        var page = await BrowserFixture.NewPageAsync();
        await page.SignIn("family.1@parma.demo");
        await page.GetByTestId("new-request").ClickAsync();
        await page.Locator("#category").SelectOptionAsync("after-school");
        await page.Locator("#maxPrice").FillAsync("12,50");

        await page.GetByTestId("request-submit").ClickAsync();

        await Expect(page.Locator("#schedule-error")).ToHaveTextAsync("Scegli almeno un giorno e un orario.");
        await Expect(page.Locator("#form-errors")).ToBeFocusedAsync();
        await Expect(page.Locator("#maxPrice")).ToHaveValueAsync("12,50");
        await Expect(page.Locator("#category")).ToHaveValueAsync("after-school");
    }

    [Test]
    public async Task Submit_WhenThePriceIsNotAnAmount_SaysSoInEnglishWhenEnglishIsChosen()
    {
        var page = await BrowserFixture.NewPageAsync();
        await page.SignIn("family.2@parma.demo");
        await page.GetByRole(AriaRole.Button, new() { Name = "EN", Exact = true }).ClickAsync();
        await page.GetByTestId("new-request").ClickAsync();
        await page.ChooseDay("monday");
        await page.Locator("#maxPrice").FillAsync("twelve");

        await page.GetByTestId("request-submit").ClickAsync();

        await Expect(page.Locator("#maxPrice-error")).ToHaveTextAsync("Write an amount in euro, for example 12.50.");
        await Expect(page.Locator("#maxPrice")).ToHaveAttributeAsync("aria-invalid", "true");
    }
}
