using System.Collections.Immutable;
using Orleans.Concurrency;

namespace Will.Marketplace.Abstractions.Live;

/// <summary>A stateless worker on every silo that hands messages to the silo's outbox, which batches them and fans them out to all silos (grains post to the outbox directly).</summary>
[Alias("Will.IPushNotifierGrain")]
public interface IPushNotifierGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// One-way: the change being told is already durable and push is best-effort (browsers re-read
    /// on reconnect), so the caller does not wait for the notifier to take the messages.
    /// </summary>
    [Alias("Publish")]
    [OneWay]
    Task Publish(ImmutableArray<LiveMessage> messages);
}
