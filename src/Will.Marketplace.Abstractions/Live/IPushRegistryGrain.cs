using System.Collections.Immutable;

namespace Will.Marketplace.Abstractions.Live;

/// <summary>The cluster-wide list of per-silo push observers (key 0), pruned by cluster membership.</summary>
[Alias("Will.IPushRegistryGrain")]
public interface IPushRegistryGrain : IGrainWithIntegerKey
{
    [Alias("Register")]
    Task Register(SiloAddress silo, IPushObserver observer);

    [Alias("GetObservers")]
    Task<ImmutableArray<IPushObserver>> GetObservers();
}
