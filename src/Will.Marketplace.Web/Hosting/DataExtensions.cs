using Will.Marketplace.Infrastructure;
using Will.Marketplace.Infrastructure.Payments;
using Will.Marketplace.Infrastructure.Persistence;
using Will.Marketplace.Infrastructure.Seeding;

namespace Will.Marketplace.Web.Hosting;

public static class DataExtensions
{
    /// <summary>The database (migrated and seeded with reference data before the silo starts) and Stripe.</summary>
    public static WebApplicationBuilder AddMarketplaceData(this WebApplicationBuilder builder)
    {
        builder.Services.AddMarketplaceInfrastructure();
        builder.Services.AddMarketplaceStripe();
        builder.Services.AddSingleton<DatabaseInitializer>();
        builder.Services.AddHostedService<DatabaseStartup>();
        builder.Services.AddHealthChecks().AddDbContextCheck<MarketplaceDbContext>("database", tags: ["ready"]);
        return builder;
    }

    /// <summary>Registered before Orleans so that grains find a migrated database.</summary>
    private sealed class DatabaseStartup(DatabaseInitializer initializer) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => initializer.InitializeAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
