using System.Numerics;

namespace Will.Marketplace.Domain.Scheduling;

/// <summary>
/// The 168 hours of a week as bits (Sunday 00:00 first, as <see cref="DayOfWeek"/>): the hours a
/// schedule touches, or the hours it covers whole. Matching compares these to rule a pool out for a
/// newcomer in a few instructions, before reading any schedule.
/// </summary>
internal readonly struct WeekHours
{
    private readonly ulong _first;
    private readonly ulong _second;
    private readonly ulong _third;

    private WeekHours(ulong first, ulong second, ulong third) => (_first, _second, _third) = (first, second, third);

    /// <summary>Every hour in which the schedule is active for at least a minute.</summary>
    public static WeekHours Touched(WeeklySchedule schedule)
    {
        Span<ulong> bits = stackalloc ulong[3];
        foreach (var slot in schedule.Slots)
        {
            Set(bits, (int)slot.Day * 24 + slot.StartMinute / 60, (int)slot.Day * 24 + (slot.EndMinute - 1) / 60);
        }

        return new WeekHours(bits[0], bits[1], bits[2]);
    }

    /// <summary>Every hour the schedule covers from its first minute to its last.</summary>
    public static WeekHours Covered(WeeklySchedule schedule)
    {
        Span<ulong> bits = stackalloc ulong[3];
        foreach (var slot in schedule.Slots)
        {
            var (first, last) = ((slot.StartMinute + 59) / 60, slot.EndMinute / 60 - 1);
            if (first <= last)
            {
                Set(bits, (int)slot.Day * 24 + first, (int)slot.Day * 24 + last);
            }
        }

        return new WeekHours(bits[0], bits[1], bits[2]);
    }

    /// <summary>How many hours both hold.</summary>
    public int CountShared(in WeekHours other) =>
        BitOperations.PopCount(_first & other._first) + BitOperations.PopCount(_second & other._second) + BitOperations.PopCount(_third & other._third);

    /// <summary>The hours either holds.</summary>
    public WeekHours With(in WeekHours other) => new(_first | other._first, _second | other._second, _third | other._third);

    /// <summary>
    /// Every hour within <paramref name="hours"/> of an hour held (across midnight as well, which only
    /// holds more). Two slots closer than a gap of <c>g</c> minutes touch hours at most <c>ceil(g / 60)</c>
    /// apart, so schedules whose touched hours, one side widened by that, do not overlap never conflict
    /// with that gap.
    /// </summary>
    public WeekHours Widened(int hours)
    {
        var (a, b, c) = (_first, _second, _third);
        for (var step = 0; step < hours; step++)
        {
            // One hour later (bits move up, carried across the words) and one hour earlier (down).
            (a, b, c) = (a | (a << 1) | (a >> 1) | (b << 63), b | (b << 1) | (a >> 63) | (b >> 1) | (c << 63), c | (c << 1) | (b >> 63) | (c >> 1));
        }

        return new WeekHours(a, b, c);
    }

    /// <summary>Whole hours a gap of <paramref name="minutes"/> spans at most (<see cref="Widened"/>).</summary>
    public static int HoursSpanned(int minutes) => minutes <= 0 ? 0 : (minutes + 59) / 60;

    public bool Overlaps(in WeekHours other) => ((_first & other._first) | (_second & other._second) | (_third & other._third)) != 0;

    private static void Set(Span<ulong> bits, int firstHour, int lastHour)
    {
        for (var hour = firstHour; hour <= lastHour; hour++)
        {
            bits[hour >> 6] |= 1UL << (hour & 63);
        }
    }
}
