namespace Will.Marketplace.Abstractions.Matching;

/// <summary>
/// What one re-optimisation did: requests waiting below quorum before it, requests moved, pools
/// that reached quorum through it, and the most waiting families any regrouping could have pooled.
/// </summary>
[GenerateSerializer, Immutable, Alias("Will.RegroupingReport")]
public sealed record RegroupingReport(
    [property: Id(0)] int Waiting,
    [property: Id(1)] int Moved,
    [property: Id(2)] int PoolsFormed,
    [property: Id(3)] int FamiliesPooled,
    [property: Id(4)] int UpperBound);
