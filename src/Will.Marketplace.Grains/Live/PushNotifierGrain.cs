using System.Collections.Immutable;
using Orleans.Concurrency;
using Will.Marketplace.Abstractions.Live;

namespace Will.Marketplace.Grains.Live;

/// <summary>Live messages from code that is not a grain (an API): into this silo's <see cref="PushOutbox"/>, as grains post theirs.</summary>
[StatelessWorker(1)]
public sealed class PushNotifierGrain(PushOutbox outbox) : Grain, IPushNotifierGrain
{
    public Task Publish(ImmutableArray<LiveMessage> messages)
    {
        outbox.Post(messages);
        return Task.CompletedTask;
    }
}
