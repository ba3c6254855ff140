using System.Collections.Immutable;

namespace Will.Marketplace.Abstractions.Pools;

/// <summary>A provider's sealed bid (or its revision): price in cents per "per-hour" or "per-session".</summary>
[GenerateSerializer, Immutable, Alias("Will.BidCommand")]
public sealed record BidCommand(
    [property: Id(0)] Guid ProviderId,
    [property: Id(1)] long PriceCents,
    [property: Id(2)] string Unit,
    [property: Id(3)] ImmutableArray<string> OutcomeCommitments,
    [property: Id(4)] bool ContinuityPledge);

/// <summary>A bid taken (with its id) or refused, with the reason (a <c>BidRefusal</c> name).</summary>
[GenerateSerializer, Immutable, Alias("Will.BidOutcome")]
public sealed record BidOutcome(
    [property: Id(0)] bool Accepted,
    [property: Id(1)] Guid? BidId,
    [property: Id(2)] string? RefusedBecause,
    [property: Id(3)] DateTimeOffset? BiddingClosesAt);

/// <summary>What a family's answer to its pool's award did (an <c>AwardResponse</c> name), and the pool after it.</summary>
[GenerateSerializer, Immutable, Alias("Will.AwardAnswer")]
public sealed record AwardAnswer(
    [property: Id(0)] string Outcome,
    [property: Id(1)] PoolSnapshot? Pool);
