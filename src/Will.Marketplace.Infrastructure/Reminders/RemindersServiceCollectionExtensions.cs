using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans;
using Orleans.Hosting;
using Will.Marketplace.Infrastructure.Persistence;
using Will.Marketplace.Infrastructure.Reminders;

namespace Will.Marketplace.Infrastructure;

public static class RemindersServiceCollectionExtensions
{
    /// <summary>Orleans reminders (durable deadlines) stored in the marketplace database; for silos.</summary>
    public static IServiceCollection AddMarketplaceReminders(this IServiceCollection services)
    {
        services.AddReminders();
        services.TryAddSingleton<GroupCommit>();
        services.AddSingleton<IReminderTable, EfReminderTable>();
        return services;
    }
}
