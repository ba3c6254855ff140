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

    /// <summary>Errors the pages printed to their console (script errors, blocked by the CSP…), by page.</summary>
    public static Dictionary<IPage, List<string>> ConsoleErrors { get; } = [];

    public static async Task<IPage> NewPageAsync(string locale = "it-IT", ViewportSize? viewport = null)
    {
        var options = new BrowserNewContextOptions { BaseURL = BaseAddress.ToString(), Locale = locale };
        if (viewport is not null)
        {
            options.ViewportSize = viewport;
        }

        var context = await Browser.NewContextAsync(options);
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        var errors = ConsoleErrors[page] = [];
        page.Console += (_, message) =>
        {
            // A 400/401 the app handles itself is logged by the browser as a failed resource load; that is expected.
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        return page;
    }
}
