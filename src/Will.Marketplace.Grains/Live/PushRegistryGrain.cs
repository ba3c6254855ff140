using System.Collections.Immutable;
using Orleans.Runtime;
using Will.Marketplace.Abstractions.Live;

namespace Will.Marketplace.Grains.Live;

/// <summary>Which silo has which push observer; silos that left the cluster are dropped.</summary>
public sealed class PushRegistryGrain(IClusterMembershipService membership) : Grain, IPushRegistryGrain
{
    private readonly Dictionary<SiloAddress, IPushObserver> _observers = [];

    public Task Register(SiloAddress silo, IPushObserver observer)
    {
        _observers[silo] = observer;
        return Task.CompletedTask;
    }

    public Task<ImmutableArray<IPushObserver>> GetObservers()
    {
        var snapshot = membership.CurrentSnapshot;
        foreach (var silo in _observers.Keys.Where(s => snapshot.GetSiloStatus(s) is SiloStatus.Dead).ToList())
        {
            _observers.Remove(silo);
        }

        return Task.FromResult(_observers
            .Where(kv => snapshot.GetSiloStatus(kv.Key) is SiloStatus.Active or SiloStatus.Joining)
            .Select(kv => kv.Value)
            .ToImmutableArray());
    }
}
