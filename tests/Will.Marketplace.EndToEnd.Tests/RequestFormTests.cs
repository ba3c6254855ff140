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
        // The start date says how it is used, with the service's own window, read out with the field.
        await Expect(page.Locator("#startDate")).ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex("^Ti mettiamo in gruppo con famiglie che vogliono iniziare entro 28 giorni da te\\."));
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
        await Expect(page.Locator("#connection")).ToHaveTextAsync("In tempo reale");
        await page.GetByRole(AriaRole.Button, new() { Name = "EN", Exact = true }).ClickAsync();
        await Expect(page.Locator("#connection")).ToHaveTextAsync("Live");
        await page.GetByTestId("new-request").ClickAsync();
        await page.ChooseDay("monday");
        await page.Locator("#maxPrice").FillAsync("twelve");

        await page.GetByTestId("request-submit").ClickAsync();

        await Expect(page.Locator("#maxPrice-error")).ToHaveTextAsync("Write an amount in euro, for example 12.50.");
        await Expect(page.Locator("#maxPrice")).ToHaveAttributeAsync("aria-invalid", "true");
    }

    [Test]
    public async Task MatchedAttributes_AreOfferedAndShownInWords_InTheChosenLanguage()
    {
        var page = await BrowserFixture.NewPageAsync();
        await page.SignIn("family.3@parma.demo");
        await page.GetByTestId("new-request").ClickAsync();
        await page.Locator("#category").SelectOptionAsync("nanny-share");

        // Languages by their names (the browser's own list), age bands in years: no bare codes.
        await Expect(page.Locator("#language option[value='it']")).ToHaveTextAsync("Italiano");
        await Expect(page.Locator("#language option[value='ar']")).ToHaveTextAsync("Arabo");
        await Expect(page.Locator("#ageBand option[value='0-2']")).ToHaveTextAsync("0–2 anni");

        // A pool of three families (home care in Mantova, one weekday each) shows what they all share, in words.
        await Steps.PostHomeCareTrio("mantova.demo", 1, 45.1564, 10.7914, 0.002);

        var member = await BrowserFixture.NewPageAsync();
        await member.SignIn("family.1@mantova.demo");
        // The family's one pool card (its title changes with the language).
        var language = member.GetByTestId("pool-card").Locator("[data-testid='pool-attribute'][data-key='language']");
        await Expect(language).ToHaveTextAsync("Lingua: italiano");
        await member.GetByRole(AriaRole.Button, new() { Name = "EN", Exact = true }).ClickAsync();
        await Expect(language).ToHaveTextAsync("Language: Italian");
    }
}
