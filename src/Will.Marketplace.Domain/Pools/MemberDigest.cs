using Will.Marketplace.Domain.Catalog;
using Will.Marketplace.Domain.Geography;
using Will.Marketplace.Domain.Scheduling;

namespace Will.Marketplace.Domain.Pools;

/// <summary>
/// What matching reads of a pool's members, kept side by side: their ids, homes, join times and the
/// hours of the week each touches in one array, their weekly minutes, and the values they set for
/// the category's matched attributes. A placement asks these of every pool it could join; read from
/// the members themselves, each pool cost a trip through the heap per member (the member, its
/// attributes, its schedule), and that was most of a placement's time (docs/benchmarks.md). Grown in
/// place by a newcomer alone on a join (<see cref="Add"/>), made again after any other change of membership.
/// </summary>
internal sealed class MemberDigest
{
    private readonly IReadOnlyList<PoolMember> _members;

    /// <summary>The matched keys <see cref="_values"/> was made for (a category's set: one per pool in practice).</summary>
    private IReadOnlySet<string>? _keys;

    /// <summary>The matched keys some member set, each with the values set for it, one of each (case ignored).</summary>
    private (string Key, string[] Values)[] _values = [];

    /// <summary>One entry per member, in the members' order; room is left for newcomers (<see cref="Add"/>).</summary>
    private MemberFacts[] _facts;
    private int _count;

    public MemberDigest(IReadOnlyList<PoolMember> members)
    {
        _members = members;
        _facts = new MemberFacts[members.Count];
        (LatestJoinedAt, EarliestStart, LatestStart) = (DateTimeOffset.MinValue, DateOnly.MaxValue, DateOnly.MinValue);
        foreach (var member in members)
        {
            Take(member);
        }
    }

    /// <summary>
    /// Grows the digest by <paramref name="joined"/>, now last among the members: what a rebuild would
    /// make, from the newcomer alone. In place (the digest is its pool's alone), with room for up to
    /// <paramref name="capacity"/> members made as the pool grows: a join made a new digest and a new
    /// array of every member's facts, and both outlived the next collection with the pool.
    /// </summary>
    public void Add(PoolMember joined, int capacity)
    {
        if (_count == _facts.Length)
        {
            Array.Resize(ref _facts, Math.Max(_count + 1, Math.Min(capacity, Math.Max(2, _count * 2))));
        }

        // The values stay when the newcomer sets none that is new (as a compatible newcomer does); otherwise they are collected again when asked.
        if (_keys is { } keys && SetsNewValue(_values, keys, joined))
        {
            _keys = null;
        }

        Take(joined);
    }

    private void Take(PoolMember member)
    {
        _facts[_count++] = MemberFacts.Of(member);
        TotalMinutes += member.Schedule.TotalMinutes;
        LatestJoinedAt = member.JoinedAt > LatestJoinedAt ? member.JoinedAt : LatestJoinedAt;
        Spread = Math.Max(Spread, _facts[0].Location.DistanceMetersTo(member.Location));
        (EarliestStart, LatestStart) = Compatibility.WidenedStarts(EarliestStart, LatestStart, member);
    }

    /// <summary>A digest object's own size in bytes, about.</summary>
    internal const int ObjectBytes = 96;

    /// <summary>Asks the processor for the members' attribute values ahead of reading them (<see cref="Common.CacheHint"/>).</summary>
    public void FetchAhead() => Common.CacheHint.Fetch(_values);

    /// <summary>The array under <see cref="Facts"/> (with room beyond them), for its pool to ask for ahead: it changes when the digest grows.</summary>
    public MemberFacts[] FactsArray => _facts;

    /// <summary>
    /// How far the farthest member lives from the first (metres): a point farther than a radius plus
    /// this from the first member has no member within that radius (with a metre for rounding).
    /// </summary>
    public double Spread { get; private set; }

    /// <summary>One entry per member, in the members' order.</summary>
    public ReadOnlySpan<MemberFacts> Facts => new(_facts, 0, _count);

    /// <summary>The members' weekly minutes added up.</summary>
    public int TotalMinutes { get; private set; }

    public DateTimeOffset LatestJoinedAt { get; private set; }

    /// <summary>The earliest start a member wants (<see cref="DateOnly.MinValue"/> for as soon as possible; <see cref="DateOnly.MaxValue"/> for no members).</summary>
    public DateOnly EarliestStart { get; private set; }

    /// <summary>The latest start a member wants (<see cref="DateOnly.MinValue"/> when all want it as soon as possible, or for no members).</summary>
    public DateOnly LatestStart { get; private set; }

    /// <summary>
    /// In one pass over the members: <see cref="Incompatibility.AlreadyMember"/> when the request is one of
    /// theirs, else <see cref="Incompatibility.SameFamily"/> when its family is, else none.
    /// </summary>
    public Incompatibility Knows(Guid requestId, Guid familyId)
    {
        var sameFamily = false;
        foreach (ref readonly var facts in Facts)
        {
            if (facts.RequestId == requestId)
            {
                return Incompatibility.AlreadyMember;
            }

            sameFamily |= facts.FamilyId == familyId;
        }

        return sameFamily ? Incompatibility.SameFamily : Incompatibility.None;
    }

    /// <summary>Whether every member lives within <paramref name="meters"/> of <paramref name="point"/>.</summary>
    public bool AllWithinMeters(in GeoFrame point, double meters)
    {
        foreach (ref readonly var facts in Facts)
        {
            if (!point.IsWithinMeters(facts.Location, meters))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// <see cref="Compatibility"/>'s attribute rule against every member: for each matched key the
    /// candidate sets, no member set another value (case ignored). Each member's value is read as the
    /// rule reads it (through the member's own dictionary), once per digest.
    /// </summary>
    public bool AttributesMatch(IReadOnlySet<string> matchedKeys, IReadOnlyDictionary<string, string> candidate)
    {
        foreach (var (key, values) in ValuesFor(matchedKeys))
        {
            if (!candidate.TryGetValue(key, out var wanted))
            {
                continue;
            }

            foreach (var value in values)
            {
                if (!string.Equals(value, wanted, StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>The matched keys some member set, each with the values set for it, one of each (case ignored).</summary>
    public (string Key, string[] Values)[] ValuesFor(IReadOnlySet<string> matchedKeys)
    {
        if (!ReferenceEquals(matchedKeys, _keys))
        {
            Collect(matchedKeys);
        }

        return _values;
    }

    private static bool SetsNewValue((string Key, string[] Values)[] values, IReadOnlySet<string> keys, PoolMember joined)
    {
        foreach (var key in keys)
        {
            if (!joined.Attributes.TryGetValue(key, out var value))
            {
                continue;
            }

            if (!IsKnown(values, key, value))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsKnown((string Key, string[] Values)[] values, string key, string value)
    {
        foreach (var (set, found) in values)
        {
            if (set == key)
            {
                return Array.Exists(found, existing => string.Equals(existing, value, StringComparison.OrdinalIgnoreCase));
            }
        }

        return false;
    }

    private void Collect(IReadOnlySet<string> matchedKeys)
    {
        var collected = new List<(string Key, string[] Values)>();
        foreach (var key in matchedKeys)
        {
            List<string>? found = null;
            for (var i = 0; i < _members.Count; i++)
            {
                if (_members[i].Attributes.TryGetValue(key, out var value) && !(found?.Contains(value, StringComparer.OrdinalIgnoreCase) ?? false))
                {
                    (found ??= []).Add(value);
                }
            }

            if (found is not null)
            {
                collected.Add((key, [.. found]));
            }
        }

        (_values, _keys) = ([.. collected], matchedKeys);
    }
}

/// <summary>One member as matching reads it most: who (its request and family), where, since when, and the hours its week touches.</summary>
internal readonly record struct MemberFacts(Guid RequestId, Guid FamilyId, GeoPoint Location, DateTimeOffset JoinedAt, WeekHours Hours)
{
    public static MemberFacts Of(PoolMember member) => new(member.RequestId, member.FamilyId, member.Location, member.JoinedAt, WeekHours.Touched(member.Schedule));
}
