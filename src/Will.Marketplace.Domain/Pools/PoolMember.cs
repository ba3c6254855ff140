using Will.Marketplace.Domain.Geography;
using Will.Marketplace.Domain.Requests;
using Will.Marketplace.Domain.Scheduling;

namespace Will.Marketplace.Domain.Pools;

/// <summary>What a pool needs to know about one member's request to judge compatibility.</summary>
public sealed record PoolMember(
    Guid RequestId,
    Guid FamilyId,
    GeoPoint Location,
    WeeklySchedule Schedule,
    IReadOnlyDictionary<string, string> Attributes,
    DateTimeOffset JoinedAt)
{
    public static PoolMember From(CareRequest request, DateTimeOffset joinedAt) =>
        new(request.Id, request.FamilyId, request.Location, request.Schedule, request.Attributes, joinedAt);
}
