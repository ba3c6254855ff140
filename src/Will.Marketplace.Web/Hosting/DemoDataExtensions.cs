using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Will.Marketplace.Abstractions.Matching;
using Will.Marketplace.Domain.Common;
using Will.Marketplace.Infrastructure.Identity;
using Will.Marketplace.Infrastructure.Persistence;
using Will.Marketplace.Infrastructure.Seeding;

namespace Will.Marketplace.Web.Hosting;

public static class DemoDataExtensions
{
    /// <summary>Demo accounts and a first pool per city, on the embedded default (SQLite) unless Demo:Enabled says otherwise.</summary>
    public static WebApplicationBuilder AddMarketplaceDemoData(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section)
            .Validate(o => o.FamiliesPerCity is >= 2 and <= 50, "Demo:FamiliesPerCity must be between 2 and 50.")
            .ValidateOnStart();
        builder.Services.AddScoped<DemoAccountsSeeder>();
        builder.Services.AddHostedService<DemoDataStartup>();
        return builder;
    }

    /// <summary>Registered after Orleans: demo requests are placed through the matchmakers like any other.</summary>
    private sealed class DemoDataStartup(
        IServiceScopeFactory scopes,
        IOptions<DemoOptions> demo,
        IOptions<DatabaseOptions> database,
        IGrainFactory grains,
        TimeProvider time,
        ILogger<DemoDataStartup> logger) : IHostedService
    {
        private const string Category = "home-care-elderly";

        public async Task StartAsync(CancellationToken cancellationToken)
        {
            if (!(demo.Value.Enabled ?? database.Value.Provider == DatabaseProvider.Sqlite))
            {
                return;
            }

            await using var scope = scopes.CreateAsyncScope();
            var seeded = await scope.ServiceProvider.GetRequiredService<DemoAccountsSeeder>().SeedAsync(cancellationToken);
            if (!seeded || !demo.Value.SeedRequests)
            {
                return;
            }

            await scope.ServiceProvider.GetRequiredService<DemoAccountsSeeder>().SeedProgrammesAsync(cancellationToken);
            var db = scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>();
            var now = time.GetUtcNow();
            var start = ItalianCalendar.DayOf(now).AddDays(14);
            string[] days = ["mon 09:00-11:00", "tue 09:00-11:00", "wed 09:00-11:00"];
            foreach (var city in ReferenceData.Municipalities)
            {
                var domain = ReferenceData.DemoDomain(city);
                for (var i = 0; i < days.Length; i++)
                {
                    // The last families of each city share one carer's week, so every city opens with a pool.
                    var email = $"FAMILY.{demo.Value.FamiliesPerCity - i}@{domain}".ToUpperInvariant();
                    var family = await db.Users.AsNoTracking().SingleAsync(u => u.NormalizedEmail == email, cancellationToken);
                    var command = new PlaceRequestCommand(
                        Guid.CreateVersion7(now), family.Id, city.Code, Category,
                        city.Latitude + 0.002 * i, city.Longitude - 0.002 * i, days[i], start,
                        new Dictionary<string, string> { ["language"] = "it" }, null, now);
                    await grains.GetGrain<IMatchmakerGrain>(IMatchmakerGrain.KeyFor(city.Code, Category)).Place(command);
                }
            }

            logger.LogInformation("Seeded demo requests for {Count} cities ({Roles})", ReferenceData.Municipalities.Count, Roles.Family);
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
