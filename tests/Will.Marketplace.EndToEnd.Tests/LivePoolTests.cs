namespace Will.Marketplace.EndToEnd.Tests;

public sealed class LivePoolTests
{
    [Test]
    public async Task PoolCard_WhenAnotherFamilyJoinsInAnotherBrowser_UpdatesLiveWithoutReload()
    {
        var first = await BrowserFixture.NewPageAsync();
        var second = await BrowserFixture.NewPageAsync();
        await first.SignIn("family.1@bergamo.demo");
        await first.PostAfterSchoolRequest();
        var card = first.GetByTestId("pool-card").First;
        var poolId = await card.GetAttributeAsync("data-pool-id");
        await Expect(card.GetByTestId("pool-member-count")).ToHaveTextAsync("1");
        await Expect(card.GetByTestId("pool-missing")).ToHaveTextAsync(" · mancano ancora 3 famiglie");
        await Expect(first.GetByTestId("price-estimate").First).ToContainTextAsync("da sola, finché non si aggiunge un'altra famiglia");
        var navigations = 0;
        first.FrameNavigated += (_, frame) => navigations += frame == first.MainFrame ? 1 : 0;

        await second.SignIn("family.2@bergamo.demo");
        await second.PostAfterSchoolRequest();

        await Expect(second.PoolCard(poolId!).GetByTestId("pool-member-count")).ToHaveTextAsync("2");
        await Expect(first.PoolCard(poolId!).GetByTestId("pool-member-count")).ToHaveTextAsync("2");
        await Expect(first.PoolCard(poolId!).GetByTestId("pool-missing")).ToHaveTextAsync(" · mancano ancora 2 famiglie");
        await Expect(first.GetByTestId("price-estimate").First).ToContainTextAsync("con 2 famiglie");
        await Expect(first.GetByTestId("live-region")).Not.ToBeEmptyAsync();
        Assert.That(navigations, Is.Zero, "the first family's page was not reloaded");
        Assert.That(BrowserFixture.ConsoleErrors[first].Concat(BrowserFixture.ConsoleErrors[second]), Is.Empty, "no script error, nothing blocked by the Content-Security-Policy");
    }
}
