using System.Collections.Immutable;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Will.Marketplace.Abstractions.Live;

namespace Will.Marketplace.Grains.Live;

/// <summary>
/// Each silo's outbox for live messages. Grains post what changed without a grain call (a placement
/// used to spend a quarter of its throughput on a one-way call to a notifier grain); one pump sends
/// everything posted while the last delivery was in flight as one batch to every silo's observer,
/// in the order posted. Push is best-effort: the change is already durable when it is posted, and
/// browsers read again when they reconnect.
/// </summary>
public sealed class PushOutbox : IDisposable
{
    private static readonly TimeSpan ObserverListLifetime = TimeSpan.FromSeconds(5);

    private readonly IGrainFactory _grains;
    private readonly TimeProvider _time;
    private readonly ILogger<PushOutbox> _logger;
    private readonly Channel<ImmutableArray<LiveMessage>> _posted = Channel.CreateUnbounded<ImmutableArray<LiveMessage>>(new UnboundedChannelOptions { SingleReader = true });
    private ImmutableArray<IPushObserver> _observers = [];
    private DateTimeOffset _observersFetchedAt = DateTimeOffset.MinValue;

    public PushOutbox(IGrainFactory grains, TimeProvider time, ILogger<PushOutbox> logger)
    {
        (_grains, _time, _logger) = (grains, time, logger);
        _ = Task.Run(Pump);
    }

    /// <summary>Queues the messages for every silo's observer; returns at once.</summary>
    public void Post(ImmutableArray<LiveMessage> messages)
    {
        if (!messages.IsDefaultOrEmpty && !_posted.Writer.TryWrite(messages))
        {
            _logger.LogDebug("The silo is stopping: {Count} live messages not sent", messages.Length);
        }
    }

    /// <summary>Takes no more messages; those already posted are still sent if the silo's peers answer.</summary>
    public void Dispose() => _posted.Writer.TryComplete();

    private async Task Pump()
    {
        var reader = _posted.Reader;
        var batch = ImmutableArray.CreateBuilder<LiveMessage>();
        while (await reader.WaitToReadAsync())
        {
            while (reader.TryRead(out var messages))
            {
                batch.AddRange(messages);
            }

            try
            {
                await Deliver(batch.DrainToImmutable());
            }
            catch (Exception ex)
            {
                // Reached only if the observer list cannot be read (the registry is moving): these messages are lost, the next ones are tried afresh.
                _logger.LogWarning(ex, "Live messages could not be sent");
            }
        }
    }

    private async Task Deliver(ImmutableArray<LiveMessage> batch)
    {
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
                _logger.LogWarning(ex, "A silo's push observer did not take {Count} messages", batch.Length);
            }
        }));
        if (failed)
        {
            // A silo may have gone: read the list again next time.
            _observersFetchedAt = DateTimeOffset.MinValue;
        }
    }

    private async Task<ImmutableArray<IPushObserver>> Observers()
    {
        if (_time.GetUtcNow() - _observersFetchedAt > ObserverListLifetime || _observers.IsEmpty)
        {
            _observers = await _grains.GetGrain<IPushRegistryGrain>(0).GetObservers();
            _observersFetchedAt = _time.GetUtcNow();
        }

        return _observers;
    }
}
