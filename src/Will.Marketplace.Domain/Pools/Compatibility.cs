using Will.Marketplace.Domain.Catalog;
using Will.Marketplace.Domain.Common;
using Will.Marketplace.Domain.Geography;
using Will.Marketplace.Domain.Scheduling;

namespace Will.Marketplace.Domain.Pools;

/// <summary>
/// The compatibility rules of PRODUCT.md, for both pooling modes, after two of the product's own: a
/// pool pools families, so it never holds two requests of one family (a request sent twice, by a
/// double click or again later, would otherwise make a pool of one family reach quorum); and families
/// who want to start far apart are not pooled (<see cref="StartsFit"/>). Matching asks
/// this for every pool a request could join, so it is written as plain loops that allocate nothing.
/// </summary>
public static class Compatibility
{
    /// <summary>
    /// How many days apart the families of one pool may want their service to start, each date
    /// already past counted as today: one order starts for all of them (docs/decisions.md, "Start dates").
    /// </summary>
    public const int StartWindowDays = 28;

    /// <param name="shared">In group mode, the schedule the members already share, when the caller has it (a pool keeps it).</param>
    /// <param name="asOf">
    /// The day of the check, for start dates already past; null for the day the latest of them joined
    /// (the candidate's <see cref="PoolMember.JoinedAt"/> is when it would join: at placement, now).
    /// </param>
    public static Incompatibility Check(ServiceCategory category, IReadOnlyList<PoolMember> members, PoolMember candidate, WeeklySchedule? shared = null, DateOnly? asOf = null)
    {
        var (earliest, latest, joined) = (DateOnly.MaxValue, DateOnly.MinValue, candidate.JoinedAt);
        for (var i = 0; i < members.Count; i++)
        {
            if (members[i].FamilyId == candidate.FamilyId)
            {
                return Incompatibility.SameFamily;
            }

            (earliest, latest) = WidenedStarts(earliest, latest, members[i]);
            joined = members[i].JoinedAt > joined ? members[i].JoinedAt : joined;
        }

        if (members.Count > 0 && !StartsFit(earliest, latest, candidate.WantedStart, asOf ?? ItalianCalendar.DayOf(joined)))
        {
            return Incompatibility.StartDatesApart;
        }

        var home = new GeoFrame(candidate.Location);
        for (var i = 0; i < members.Count; i++)
        {
            if (!home.IsWithinMeters(members[i].Location, category.RadiusMeters))
            {
                return Incompatibility.TooFar;
            }
        }

        if (!AttributesMatch(category, members, candidate))
        {
            return Incompatibility.AttributeMismatch;
        }

        return category.Mode == PoolingMode.Group ? CheckGroup(category, members, candidate, shared) : CheckSharedWorker(category, members, candidate);
    }

    /// <summary>
    /// <see cref="Check(ServiceCategory, IReadOnlyList{PoolMember}, PoolMember, WeeklySchedule?)"/> for the
    /// members of <paramref name="pool"/>, read from its digest and envelope: the same rules, the same
    /// verdict (a property test holds the two together). The family rule is the caller's
    /// (<see cref="DemandPool.Check"/> reads it with the membership, in one pass).
    /// </summary>
    internal static Incompatibility Check(ServiceCategory category, DemandPool pool, MemberDigest digest, PoolMember candidate, DateOnly? asOf = null)
    {
        var joined = candidate.JoinedAt > digest.LatestJoinedAt ? candidate.JoinedAt : digest.LatestJoinedAt;
        if (digest.Facts.Length > 0 && !StartsFit(digest.EarliestStart, digest.LatestStart, candidate.WantedStart, asOf ?? ItalianCalendar.DayOf(joined)))
        {
            return Incompatibility.StartDatesApart;
        }

        if (!digest.AllWithinMeters(new GeoFrame(candidate.Location), category.RadiusMeters))
        {
            return Incompatibility.TooFar;
        }

        if (category.MatchedAttributes.Count != 0 && candidate.Attributes.Count != 0 &&
            !digest.AttributesMatch(category.MatchedAttributes, candidate.Attributes))
        {
            return Incompatibility.AttributeMismatch;
        }

        if (category.Mode == PoolingMode.Group)
        {
            return CheckGroup(category, pool.Members, candidate, pool.SharedSchedule(category));
        }

        // A slot is too close to some member's slot exactly when it is too close to the union of their
        // slots, which covers the same minutes (touching slots merged).
        if (pool.ScheduleEnvelope(PoolingMode.SharedWorker).Conflicts(candidate.Schedule, category.TravelBufferMinutes))
        {
            return Incompatibility.ScheduleConflict;
        }

        return digest.TotalMinutes + candidate.Schedule.TotalMinutes > category.MaxWeeklyMinutes ? Incompatibility.WeekTooLong : Incompatibility.None;
    }

    /// <summary>
    /// Whether a family wanting to start on <paramref name="wanted"/> (null: as soon as possible) fits
    /// members whose wanted starts run from <paramref name="earliest"/> to <paramref name="latest"/>:
    /// the latest start and the earliest, each date already past counted as <paramref name="today"/>,
    /// at most <see cref="StartWindowDays"/> apart. As days pass the dates only come closer, so a pool
    /// that fits stays fitting.
    /// </summary>
    public static bool StartsFit(DateOnly earliest, DateOnly latest, DateOnly? wanted, DateOnly today)
    {
        var start = wanted ?? DateOnly.MinValue;
        var last = Later(Later(latest, start), today);
        var first = Later(start < earliest ? start : earliest, today);
        return last.DayNumber - first.DayNumber <= StartWindowDays;
    }

    /// <summary>The earliest and latest wanted start, <paramref name="member"/>'s included (as soon as possible is <see cref="DateOnly.MinValue"/>).</summary>
    internal static (DateOnly Earliest, DateOnly Latest) WidenedStarts(DateOnly earliest, DateOnly latest, PoolMember member)
    {
        var wanted = member.WantedStart ?? DateOnly.MinValue;
        return (wanted < earliest ? wanted : earliest, wanted > latest ? wanted : latest);
    }

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;

    /// <summary>
    /// In group mode, the schedule all <paramref name="members"/> share, to pass to <see cref="Check"/>
    /// when one group is checked against many candidates; null in shared-worker mode (or for no members).
    /// </summary>
    public static WeeklySchedule? SharedSchedule(ServiceCategory category, IReadOnlyList<PoolMember> members)
    {
        if (category.Mode != PoolingMode.Group || members.Count == 0)
        {
            return null;
        }

        var shared = members[0].Schedule;
        for (var i = 1; i < members.Count && !shared.IsEmpty; i++)
        {
            shared = shared.Intersect(members[i].Schedule);
        }

        return shared;
    }

    private static Incompatibility CheckGroup(ServiceCategory category, IReadOnlyList<PoolMember> members, PoolMember candidate, WeeklySchedule? membersShare)
    {
        // The whole group, candidate included, must share the category's minimum: a rule on the set,
        // so the order in which families arrive cannot shrink the service for those already in.
        var shared = membersShare ?? SharedSchedule(category, members);
        var sharedMinutes = shared is null ? candidate.Schedule.TotalMinutes : shared.OverlapMinutes(candidate.Schedule);
        return sharedMinutes >= Math.Max(1, category.MinSharedMinutesPerWeek)
            ? Incompatibility.None
            : Incompatibility.NotEnoughSharedTime;
    }

    private static Incompatibility CheckSharedWorker(ServiceCategory category, IReadOnlyList<PoolMember> members, PoolMember candidate)
    {
        var minutes = candidate.Schedule.TotalMinutes;
        for (var i = 0; i < members.Count; i++)
        {
            if (members[i].Schedule.Conflicts(candidate.Schedule, category.TravelBufferMinutes))
            {
                return Incompatibility.ScheduleConflict;
            }

            minutes += members[i].Schedule.TotalMinutes;
        }

        return minutes > category.MaxWeeklyMinutes ? Incompatibility.WeekTooLong : Incompatibility.None;
    }

    /// <summary>A key that one side leaves unset matches anything; set values must be equal.</summary>
    private static bool AttributesMatch(ServiceCategory category, IReadOnlyList<PoolMember> members, PoolMember candidate)
    {
        if (category.MatchedAttributes.Count == 0 || candidate.Attributes.Count == 0)
        {
            return true;
        }

        if (category.MatchedAttributes is HashSet<string> keys)
        {
            // The set's own enumerator, not a boxed one: this runs for every pool a request could join.
            foreach (var key in keys)
            {
                if (!KeyMatches(key, members, candidate))
                {
                    return false;
                }
            }

            return true;
        }

        foreach (var key in category.MatchedAttributes)
        {
            if (!KeyMatches(key, members, candidate))
            {
                return false;
            }
        }

        return true;
    }

    private static bool KeyMatches(string key, IReadOnlyList<PoolMember> members, PoolMember candidate)
    {
        if (!candidate.Attributes.TryGetValue(key, out var wanted))
        {
            return true;
        }

        for (var i = 0; i < members.Count; i++)
        {
            if (members[i].Attributes.TryGetValue(key, out var value) && !string.Equals(value, wanted, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }
}
