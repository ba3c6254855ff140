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
    /// <summary>The most the family said it would pay per hour of service; an award within it is confirmed for it.</summary>
    public long? MaxPricePerHourCents { get; init; }

    /// <summary>
    /// The day the family wants the service to start; null for as soon as possible. A date already
    /// past counts as today (<see cref="Compatibility.StartWindowDays"/>).
    /// </summary>
    public DateOnly? WantedStart { get; init; }

    /// <summary>When the family confirmed the award of its pool.</summary>
    public DateTimeOffset? ConfirmedAt { get; init; }

    public static PoolMember From(CareRequest request, DateTimeOffset joinedAt) =>
        new(request.Id, request.FamilyId, request.Location, request.Schedule, request.Attributes, joinedAt) { MaxPricePerHourCents = request.MaxPricePerHour?.Cents, WantedStart = request.StartDate };

    /// <summary>Whether <paramref name="requestId"/> is among <paramref name="members"/>; a plain loop, as matching asks it for every pool.</summary>
    public static bool IsAmong(IReadOnlyList<PoolMember> members, Guid requestId)
    {
        for (var i = 0; i < members.Count; i++)
        {
            if (members[i].RequestId == requestId)
            {
                return true;
            }
        }

        return false;
    }
}
