using System.Collections.Immutable;

namespace Will.Marketplace.Abstractions.Pools;

/// <summary>A pool as the rest of the system may see it: no member details beyond ids.</summary>
[GenerateSerializer, Immutable, Alias("Will.PoolSnapshot")]
public sealed record PoolSnapshot(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string MunicipalityCode,
    [property: Id(2)] string CategoryCode,
    [property: Id(3)] string Status,
    [property: Id(4)] int MemberCount,
    [property: Id(5)] int Capacity,
    [property: Id(6)] int Quorum,
    [property: Id(7)] string ScheduleEnvelope,
    [property: Id(8)] DateTimeOffset? BiddingClosesAt,
    [property: Id(9)] long Version,
    [property: Id(10)] ImmutableArray<Guid> MemberFamilyIds);
