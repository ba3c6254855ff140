using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Will.Marketplace.Domain.Ports;
using Will.Marketplace.Infrastructure.Auditing;
using Will.Marketplace.Infrastructure.Persistence;
using Will.Marketplace.Infrastructure.Stores;

namespace Will.Marketplace.Infrastructure;

public static class InfrastructureServiceCollectionExtensions
{
    /// <summary>The database and the stores behind the Domain ports.</summary>
    public static IServiceCollection AddMarketplaceInfrastructure(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddMarketplaceDatabase();
        services.AddSingleton<ICategoryCatalog, EfCategoryCatalog>();
        services.TryAddSingleton<GroupCommit>();
        services.AddSingleton<IDemandPoolStore, EfDemandPoolStore>();
        services.AddSingleton<IBiddingStore, EfBiddingStore>();
        services.AddSingleton<AuditTrail>();
        return services;
    }
}
