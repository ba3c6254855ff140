using System.Collections.Immutable;

namespace Will.Marketplace.Abstractions.Live;

/// <summary>A stateless worker on every silo that batches messages and fans them out to all silos.</summary>
[Alias("Will.IPushNotifierGrain")]
public interface IPushNotifierGrain : IGrainWithIntegerKey
{
    [Alias("Publish")]
    Task Publish(ImmutableArray<LiveMessage> messages);
}
