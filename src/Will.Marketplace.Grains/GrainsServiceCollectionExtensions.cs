using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Runtime;
using Will.Marketplace.Grains.Live;
using Will.Marketplace.Grains.Matching;

namespace Will.Marketplace.Grains;

public static class GrainsServiceCollectionExtensions
{
    /// <summary>What every silo needs besides the grains themselves: matching options, the push outbox and the push fan-out registration.</summary>
    public static IServiceCollection AddMarketplaceGrainServices(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<MatchingOptions>().BindConfiguration(MatchingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<PushOutbox>();
        services.AddSingleton<PushObserverRegistrar>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<PushObserverRegistrar>());
        return services;
    }
}
