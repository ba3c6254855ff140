namespace Will.Marketplace.Abstractions.Pools;

/// <summary>The pool's answer to a join: its new state, or why it said no (then Pool is its unchanged state).</summary>
[GenerateSerializer, Immutable, Alias("Will.JoinOutcome")]
public sealed record JoinOutcome(
    [property: Id(0)] bool Joined,
    [property: Id(1)] string? RefusedBecause,
    [property: Id(2)] PoolSnapshot? Pool);
