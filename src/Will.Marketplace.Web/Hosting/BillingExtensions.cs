using Microsoft.EntityFrameworkCore;
using Will.Marketplace.Abstractions.Billing;
using Will.Marketplace.Infrastructure.Persistence;

namespace Will.Marketplace.Web.Hosting;

public static class BillingExtensions
{
    /// <summary>
    /// Each municipality's billing grain keeps an hourly reminder (durable, in the database) that
    /// bills the month as it becomes due and retries payments left to make. Registered after
    /// Orleans, so the silo is up when the reminders are ensured. <c>Billing:Schedule</c> false turns it off (tests).
    /// </summary>
    public static WebApplicationBuilder AddMarketplaceBilling(this WebApplicationBuilder builder)
    {
        if (builder.Configuration.GetValue("Billing:Schedule", true))
        {
            builder.Services.AddHostedService<BillingScheduleStartup>();
        }

        return builder;
    }

    private sealed class BillingScheduleStartup(IServiceScopeFactory scopes, IGrainFactory grains, ILogger<BillingScheduleStartup> logger) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            await using var scope = scopes.CreateAsyncScope();
            var municipalities = await scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>().Municipalities.AsNoTracking().Select(m => m.Code).ToListAsync(cancellationToken);
            foreach (var code in municipalities)
            {
                await grains.GetGrain<IBillingGrain>(code).EnsureScheduled();
            }

            logger.LogInformation("Billing scheduled for {Count} municipalities", municipalities.Count);
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
