namespace Will.Marketplace.Abstractions.Pools;

/// <summary>The pool's answer to a withdrawal: its new state, or why not ("NotAMember", "TooLate").</summary>
[GenerateSerializer, Immutable, Alias("Will.LeaveResult")]
public sealed record LeaveResult(
    [property: Id(0)] bool Left,
    [property: Id(1)] string? RefusedBecause,
    [property: Id(2)] PoolSnapshot? Pool);
