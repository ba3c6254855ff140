using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Will.Marketplace.Abstractions.Matching;
using Will.Marketplace.Abstractions.Pools;
using Will.Marketplace.Domain.Catalog;
using Will.Marketplace.Domain.Common;
using Will.Marketplace.Domain.Geography;
using Will.Marketplace.Domain.Pools;
using Will.Marketplace.Domain.Requests;
using Will.Marketplace.Domain.Scheduling;

namespace Will.Marketplace.Grains;

internal static class WireMapping
{
    public static CareRequest ToDomain(this PlaceRequestCommand command) => new(
        command.RequestId,
        command.FamilyId,
        command.MunicipalityCode,
        command.CategoryCode,
        new GeoPoint(command.Latitude, command.Longitude),
        WeeklySchedule.Parse(command.Schedule),
        command.StartDate,
        command.Attributes,
        command.MaxPricePerHourCents is { } cents ? Money.FromCents(cents) : null,
        command.CreatedAt);

    public static PoolSnapshot ToSnapshot(this DemandPool pool, PoolingMode mode) => new(
        pool.Id,
        pool.MunicipalityCode,
        pool.CategoryCode,
        pool.Status.ToName(),
        pool.Members.Count,
        pool.Capacity,
        pool.Quorum,
        pool.ScheduleEnvelope(mode).ToString(),
        pool.BiddingClosesAt,
        pool.Version,
        FamilyIds(pool.Members));

    /// <summary>The members' family ids, in one array made to size (every placement's outcome carries them).</summary>
    private static ImmutableArray<Guid> FamilyIds(IReadOnlyList<PoolMember> members)
    {
        var ids = new Guid[members.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = members[i].FamilyId;
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(ids);
    }
}
