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
        _hours = category.Mode == PoolingMode.Group ? WeekHours.Touched(envelope) : WeekHours.Covered(envelope);
        _minutes = digest.TotalMinutes;

        var values = digest.ValuesFor(category.MatchedAttributes);
        var index = 0;
        foreach (var key in category.MatchedAttributes)
        {
            if (index == SketchedKeys)
            {
                break;
            }

            var sketch = AttributeSketch.Of(values, key);
            (_first, _second) = index == 0 ? (sketch, _second) : (_first, sketch);
            index++;
        }
    }

    /// <summary>The category's matched keys the sketch was made for (null: not made).</summary>
    public IReadOnlySet<string>? Keys { get; }

    public PoolingMode Mode { get; }

    /// <summary>True only when the rules refuse <paramref name="newcomer"/> for this pool's members.</summary>
    public bool RulesOut(ServiceCategory category, in NewcomerSketch newcomer)
    {
        if (_first.RulesOut(newcomer.First) || _second.RulesOut(newcomer.Second))
        {
            return true;
        }

        if (!_hasMembers)
        {
            return false;
        }

        if (category.Mode == PoolingMode.Group)
        {
            // No more minutes are shared than 60 in each hour both touch.
            return 60 * _hours.CountShared(newcomer.Hours) < Math.Max(1, category.MinSharedMinutesPerWeek);
        }

        // A minute both cover is closer than any travel buffer; then the week's length.
        return (category.TravelBufferMinutes >= 0 && _hours.Overlaps(newcomer.Hours)) ||
            _minutes + newcomer.Minutes > category.MaxWeeklyMinutes;
    }
}

/// <summary>The newcomer's side of <see cref="PoolSketch"/>, made once per placement.</summary>
internal readonly struct NewcomerSketch
{
    public NewcomerSketch(ServiceCategory category, PoolMember newcomer)
    {
        Hours = WeekHours.Touched(newcomer.Schedule);
        Minutes = newcomer.Schedule.TotalMinutes;
        if (newcomer.Attributes.Count == 0)
        {
            return;
        }

        var index = 0;
        foreach (var key in category.MatchedAttributes)
        {
            if (index == PoolSketch.SketchedKeys)
            {
                break;
            }

            var value = newcomer.Attributes.TryGetValue(key, out var set) ? AttributeSketch.OneValue(set) : default;
            (First, Second) = index == 0 ? (value, Second) : (First, value);
            index++;
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
            (_hours, _hasHours) = shared is null ? (default, false) : (WeekHours.Touched(shared), true);
            return;
        }

        for (var i = 0; i < group.Count; i++)
        {
            _hours = _hours.With(WeekHours.Covered(group[i].Schedule));
        }

        _hasHours = category.TravelBufferMinutes >= 0;
    }

    /// <summary>True only when the rules refuse the family (one member of a pool's digest) for the group.</summary>
    public bool RulesOut(ServiceCategory category, in MemberFacts family)
    {
        // No more minutes are shared than 60 in each hour both touch; a minute covered by both is closer than any travel buffer.
        if (_hasHours && (category.Mode == PoolingMode.Group
            ? 60 * _hours.CountShared(family.Hours) < Math.Max(1, category.MinSharedMinutesPerWeek)
            : _hours.Overlaps(family.Hours)))
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
