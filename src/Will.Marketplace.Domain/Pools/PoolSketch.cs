using Will.Marketplace.Domain.Catalog;
using Will.Marketplace.Domain.Geography;
using Will.Marketplace.Domain.Scheduling;

namespace Will.Marketplace.Domain.Pools;

/// <summary>
/// What a pool keeps inline to rule a newcomer out at once, made for one category's rules: the hours
/// its members' envelope touches (group mode) or covers whole (shared worker), their weekly minutes,
/// and for the first two matched attributes whether members set none, one value or several. It only
/// ever says no where <see cref="DemandPool.Check"/> would (a property test holds it to that); a
/// placement weighs every pool near a newcomer, and most of them were refused only after a trip
/// through the digest, the envelope and its slots.
/// </summary>
internal readonly struct PoolSketch
{
    /// <summary>Attribute keys the sketch reads values for, in the order the category's set gives them.</summary>
    internal const int SketchedKeys = 2;

    private readonly WeekHours _hours;
    private readonly int _minutes;
    private readonly bool _hasMembers;
    private readonly AttributeSketch _first;
    private readonly AttributeSketch _second;

    public PoolSketch(ServiceCategory category, DemandPool pool, MemberDigest digest)
    {
        (Keys, Mode) = (category.MatchedAttributes, category.Mode);
        _hasMembers = pool.MemberCount > 0;
        var envelope = pool.ScheduleEnvelope(category.Mode);
        _hours = MembersHours(category, envelope);
        _minutes = digest.TotalMinutes;

        (_first, _second) = AttributeSketch.ForFirstKeys(category.MatchedAttributes, digest.ValuesFor(category.MatchedAttributes), static (values, key) => AttributeSketch.Of(values, key));
    }

    /// <summary>The category's matched keys the sketch was made for (null: not made).</summary>
    public IReadOnlySet<string>? Keys { get; }

    public PoolingMode Mode { get; }

    /// <summary>The members' side of <see cref="HoursRuleOut"/> for a schedule they share (group mode) or cover together (shared worker): the hours it touches, or covers whole.</summary>
    internal static WeekHours MembersHours(ServiceCategory category, WeeklySchedule schedule) =>
        category.Mode == PoolingMode.Group ? WeekHours.Touched(schedule) : WeekHours.Covered(schedule);

    /// <summary>
    /// Whether the rules refuse a newcomer on the hours alone, where <paramref name="members"/> holds the
    /// hours the members share (group mode, touched) or cover whole (shared worker): no more minutes are
    /// shared than 60 in each hour both touch, and a minute both cover is closer than any travel buffer.
    /// </summary>
    internal static bool HoursRuleOut(ServiceCategory category, in WeekHours members, in WeekHours newcomer) =>
        category.Mode == PoolingMode.Group
            ? 60 * members.CountShared(newcomer) < Math.Max(1, category.MinSharedMinutesPerWeek)
            : category.TravelBufferMinutes >= 0 && members.Overlaps(newcomer);

    /// <summary>True only when the rules refuse <paramref name="newcomer"/> for this pool's members.</summary>
    public bool RulesOut(ServiceCategory category, in NewcomerSketch newcomer)
    {
        if (_first.RulesOut(newcomer.First) || _second.RulesOut(newcomer.Second))
        {
            return true;
        }

        // Then, for a shared worker, the week's length.
        return _hasMembers && (HoursRuleOut(category, _hours, newcomer.Hours) ||
            (category.Mode == PoolingMode.SharedWorker && _minutes + newcomer.Minutes > category.MaxWeeklyMinutes));
    }
}

/// <summary>The newcomer's side of <see cref="PoolSketch"/>, made once per placement.</summary>
internal readonly struct NewcomerSketch
{
    public NewcomerSketch(ServiceCategory category, PoolMember newcomer)
    {
        Hours = WeekHours.Touched(newcomer.Schedule);
        Minutes = newcomer.Schedule.TotalMinutes;
        if (newcomer.Attributes.Count != 0)
        {
            (First, Second) = AttributeSketch.ForFirstKeys(category.MatchedAttributes, newcomer.Attributes,
                static (attributes, key) => attributes.TryGetValue(key, out var set) ? AttributeSketch.OneValue(set) : default);
        }
    }

    public WeekHours Hours { get; }

    public int Minutes { get; }

    public AttributeSketch First { get; }

    public AttributeSketch Second { get; }
}

/// <summary>For one matched key: no value set, one value (by its hash, case ignored), or several.</summary>
internal readonly record struct AttributeSketch(byte Values, int Hash)
{
    public static AttributeSketch OneValue(string value) => new(1, StringComparer.OrdinalIgnoreCase.GetHashCode(value));

    /// <summary>What <paramref name="of"/> gives for each of the first <see cref="PoolSketch.SketchedKeys"/> matched keys, in the order the set gives them (members' and newcomer's alike).</summary>
    public static (AttributeSketch First, AttributeSketch Second) ForFirstKeys<TState>(IReadOnlySet<string> keys, TState state, Func<TState, string, AttributeSketch> of)
    {
        (AttributeSketch First, AttributeSketch Second) sketches = default;
        var index = 0;
        foreach (var key in keys)
        {
            if (index == PoolSketch.SketchedKeys)
            {
                break;
            }

            sketches = index++ == 0 ? (of(state, key), sketches.Second) : (sketches.First, of(state, key));
        }

        return sketches;
    }

    public static AttributeSketch Of((string Key, string[] Values)[] values, string key)
    {
        foreach (var (set, found) in values)
        {
            if (set == key)
            {
                return found.Length == 1 ? OneValue(found[0]) : new AttributeSketch(2, 0);
            }
        }

        return default;
    }

    /// <summary>Members' values against a newcomer's own: a set value must equal every value members set.</summary>
    public bool RulesOut(AttributeSketch newcomer) =>
        newcomer.Values == 1 && (Values > 1 || (Values == 1 && Hash != newcomer.Hash));
}

/// <summary>
/// A group being put together (<see cref="Matching.Completion.IsPromising(ServiceCategory, IReadOnlyList{PoolMember}, Matching.RecentFamilies)"/>),
/// checked against many families read from their pools' digests: what rules a family out before its
/// member record is read. The hours the group shares (group mode) or the hours some member covers
/// whole (shared worker), and the members' homes; it only says no where
/// <see cref="Compatibility.Check(ServiceCategory, IReadOnlyList{PoolMember}, PoolMember, WeeklySchedule?)"/> would.
/// </summary>
internal readonly struct GroupSketch
{
    private readonly GeoFrame[] _homes;
    private readonly WeekHours _hours;
    private readonly bool _hasHours;

    public GroupSketch(ServiceCategory category, IReadOnlyList<PoolMember> group, WeeklySchedule? shared)
    {
        _homes = new GeoFrame[group.Count];
        for (var i = 0; i < _homes.Length; i++)
        {
            _homes[i] = new GeoFrame(group[i].Location);
        }

        if (category.Mode == PoolingMode.Group)
        {
            (_hours, _hasHours) = shared is null ? (default, false) : (PoolSketch.MembersHours(category, shared), true);
            return;
        }

        for (var i = 0; i < group.Count; i++)
        {
            _hours = _hours.With(PoolSketch.MembersHours(category, group[i].Schedule));
        }

        _hasHours = true;
    }

    /// <summary>True only when the rules refuse the family (one member of a pool's digest) for the group.</summary>
    public bool RulesOut(ServiceCategory category, in MemberFacts family)
    {
        if (_hasHours && PoolSketch.HoursRuleOut(category, _hours, family.Hours))
        {
            return true;
        }

        foreach (ref readonly var home in _homes.AsSpan())
        {
            if (!home.IsWithinMeters(family.Location, category.RadiusMeters))
            {
                return true;
            }
        }

        return false;
    }
}
