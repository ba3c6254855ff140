namespace Will.Marketplace.EndToEnd.Tests;

/// <summary>
/// The app on a real Kestrel port and the system Chromium (Debian's package; Playwright cannot
/// download a browser here). Shared by every browser test of this assembly.
/// </summary>
[SetUpFixture]
public sealed class BrowserFixture
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static IPlaywright? _playwright;

    public static MarketplaceAppFactory App { get; private set; } = null!;

    public static Uri BaseAddress { get; private set; } = null!;

    public static IBrowser Browser { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"The browser tests need Chromium at {ChromiumPath}: apt-get install -y chromium.");
        }

        var port = FreePort.Next();
        App = new MarketplaceAppFactory();
        App.UseKestrel(port);
        App.StartServer();
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // As root on a closed network: no sandbox, and none of Chromium's own background traffic.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        await App.DisposeAsync();
    }

    public static async Task<IPage> NewPageAsync(string locale = "it-IT")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseAddress.ToString(), Locale = locale });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }
}
