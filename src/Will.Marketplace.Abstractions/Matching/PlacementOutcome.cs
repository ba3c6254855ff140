using Will.Marketplace.Abstractions.Pools;

namespace Will.Marketplace.Abstractions.Matching;

[GenerateSerializer, Immutable, Alias("Will.PlacementOutcome")]
public sealed record PlacementOutcome(
    [property: Id(0)] Guid RequestId,
    [property: Id(1)] PoolSnapshot Pool,
    [property: Id(2)] bool StartedNewPool);
