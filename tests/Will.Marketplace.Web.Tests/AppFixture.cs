namespace Will.Marketplace.Web.Tests;

/// <summary>One app (SQLite, one silo, demo accounts) shared by the API tests of this assembly.</summary>
[SetUpFixture]
public sealed class AppFixture
{
    public static MarketplaceAppFactory App { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartApp()
    {
        App = new MarketplaceAppFactory();
        using var client = App.CreateClient();
        (await client.GetAsync("/health/ready")).EnsureSuccessStatusCode();
    }

    [OneTimeTearDown]
    public async Task StopApp() => await App.DisposeAsync();
}
