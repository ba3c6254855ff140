using System.Collections.Immutable;

namespace Will.Marketplace.Abstractions.Live;

/// <summary>One per silo: hands messages to that silo's SignalR connections.</summary>
[Alias("Will.IPushObserver")]
public interface IPushObserver : IGrainObserver
{
    [Alias("Deliver")]
    Task Deliver(ImmutableArray<LiveMessage> messages);
}
