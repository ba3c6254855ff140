using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Will.Marketplace.Testing;

/// <summary>
/// The real app in-process: its own database (a temporary SQLite file unless told otherwise), its
/// own Orleans silo on free ports, demo accounts seeded. Settings override any configuration key.
/// </summary>
public sealed class MarketplaceAppFactory : WebApplicationFactory<Program>
{
    public const string DemoPassword = "Will-demo-2026";
    public const string WebhookSecret = "whsec_test_0123456789abcdef";

    private readonly Dictionary<string, string?> _settings;
    private readonly string? _sqliteFile;
    private readonly Action<IServiceCollection>? _services;

    /// <param name="services">More test services, registered after the app's own (an in-memory metrics exporter, say).</param>
    public MarketplaceAppFactory(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        _services = services;
        _settings = new Dictionary<string, string?>
        {
            ["Orleans:SiloPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Orleans:GatewayPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Orleans:ClusterId"] = $"test-{Guid.NewGuid():N}",
            ["Demo:FamiliesPerCity"] = "6",
            ["Demo:SeedRequests"] = "false",
            ["Billing:Schedule"] = "false",
            ["Stripe:WebhookSecret"] = WebhookSecret,
            // Tests sign in often from one address; RateLimitTests sets its own limits.
            ["Security:SignInPerMinute"] = "100000",
            ["Security:WritesPerMinute"] = "100000",
            // The demo staff have no authenticator; TwoFactorTests turns the requirement on.
            ["Security:RequireStaffTwoFactor"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }

        if (!_settings.ContainsKey("Database:ConnectionString"))
        {
            _sqliteFile = Path.Combine(Path.GetTempPath(), $"will-test-{Guid.NewGuid():N}.db");
            _settings.TryAdd("Database:Provider", "Sqlite");
            _settings["Database:ConnectionString"] = $"Data Source={_sqliteFile}";
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(ShortBiddingWindows.Install);
        if (_services is not null)
        {
            builder.ConfigureTestServices(_services);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_sqliteFile is not null)
        {
            foreach (var file in new[] { _sqliteFile, _sqliteFile + "-wal", _sqliteFile + "-shm" }.Where(File.Exists))
            {
                File.Delete(file);
            }
        }

        GC.SuppressFinalize(this);
    }
}
