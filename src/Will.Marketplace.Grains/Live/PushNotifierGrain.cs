using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;
using Will.Marketplace.Abstractions.Live;

namespace Will.Marketplace.Grains.Live;

/// <summary>
/// Local to each silo: collects messages while a delivery is in flight and sends them as one
/// batch to every silo's observer, so a burst of changes costs one call per silo.
/// </summary>
[StatelessWorker(1), Reentrant]
public sealed class PushNotifierGrain(TimeProvider time, ILogger<PushNotifierGrain> logger) : Grain, IPushNotifierGrain
{
    private static readonly TimeSpan ObserverListLifetime = TimeSpan.FromSeconds(5);
    private readonly List<LiveMessage> _pending = [];
    private ImmutableArray<IPushObserver> _observers = [];
    private DateTimeOffset _observersFetchedAt = DateTimeOffset.MinValue;
    private Task _pump = Task.CompletedTask;

    public Task Publish(ImmutableArray<LiveMessage> messages)
    {
        _pending.AddRange(messages);
        if (_pump.IsCompleted)
        {
            _pump = Pump();
        }

        return Task.CompletedTask;
    }

    private async Task Pump()
    {
        while (_pending.Count > 0)
        {
            var batch = _pending.ToImmutableArray();
            _pending.Clear();
            var observers = await Observers();
            var failed = false;
            await Task.WhenAll(observers.Select(async observer =>
            {
                try
                {
                    await observer.Deliver(batch);
                }
                catch (Exception ex)
                {
                    failed = true;
                    logger.LogWarning(ex, "A silo's push observer did not take {Count} messages", batch.Length);
                }
            }));
            if (failed)
            {
                _observersFetchedAt = DateTimeOffset.MinValue;
            }
        }
    }

    private async Task<ImmutableArray<IPushObserver>> Observers()
    {
        if (time.GetUtcNow() - _observersFetchedAt > ObserverListLifetime || _observers.IsEmpty)
        {
            _observers = await GrainFactory.GetGrain<IPushRegistryGrain>(0).GetObservers();
            _observersFetchedAt = time.GetUtcNow();
        }

        return _observers;
    }
}
