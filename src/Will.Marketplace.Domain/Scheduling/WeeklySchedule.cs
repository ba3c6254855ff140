namespace Will.Marketplace.Domain.Scheduling;

/// <summary>
/// A family's weekly need: slots sorted by day and time, touching or overlapping slots merged,
/// so two schedules that mean the same week are equal.
/// </summary>
public sealed class WeeklySchedule : IEquatable<WeeklySchedule>
{
    // Sorted by day (Monday first) and start, touching or overlapping slots merged: the operations
    // below walk two schedules side by side and allocate nothing but their result. Matching runs
    // them for every pool a request could join, so they are kept cheap.
    private readonly TimeSlot[] _slots;

    private WeeklySchedule(TimeSlot[] slots)
    {
        _slots = slots;
        foreach (var slot in slots)
        {
            TotalMinutes += slot.Minutes;
        }
    }

    public static WeeklySchedule Empty { get; } = new([]);

    public IReadOnlyList<TimeSlot> Slots => _slots;

    public int TotalMinutes { get; }

    /// <summary>A schedule object's own size in bytes (its slots are an array of their own).</summary>
    internal const int ObjectBytes = 32;

    /// <summary>Asks the processor for the slots ahead of reading them (<see cref="Common.CacheHint"/>).</summary>
    internal void FetchAhead() => Common.CacheHint.Fetch(_slots);

    public bool IsEmpty => _slots.Length == 0;

    public static WeeklySchedule Of(IEnumerable<TimeSlot> slots) => Normalised(slots.ToArray());

    /// <summary>Sorts and merges <paramref name="sorted"/> in place (the caller's own array), and keeps it when nothing merged.</summary>
    private static WeeklySchedule Normalised(TimeSlot[] sorted)
    {
        Array.Sort(sorted, static (a, b) => WeekMinute(a.Day, a.StartMinute).CompareTo(WeekMinute(b.Day, b.StartMinute)));

        // Merged in place: a slot is written at or before the place it is read from.
        var count = 0;
        foreach (var slot in sorted)
        {
            Append(sorted, ref count, slot.Day, slot.StartMinute, slot.EndMinute);
        }

        return Of(sorted, count);
    }

    /// <summary>The first <paramref name="count"/> slots of <paramref name="sorted"/>, already sorted and merged; the array is kept when they fill it.</summary>
    private static WeeklySchedule Of(TimeSlot[] sorted, int count) =>
        count == 0 ? Empty : new WeeklySchedule(count == sorted.Length ? sorted : sorted[..count]);

    /// <summary>Minutes of the week when both schedules are active.</summary>
    public int OverlapMinutes(WeeklySchedule other)
    {
        var minutes = 0;
        var (a, b) = (_slots, other._slots);
        for (int i = 0, j = 0; i < a.Length && j < b.Length;)
        {
            var (aStart, aEnd, bStart, bEnd) = (Start(a[i]), End(a[i]), Start(b[j]), End(b[j]));
            minutes += Math.Max(0, Math.Min(aEnd, bEnd) - Math.Max(aStart, bStart));
            if (aEnd <= bEnd)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return minutes;
    }

    public WeeklySchedule Intersect(WeeklySchedule other)
    {
        var (a, b) = (_slots, other._slots);
        if (a.Length == 0 || b.Length == 0)
        {
            return Empty;
        }

        if (ReferenceEquals(other, this))
        {
            return this;
        }

        // Each common part ends a slot of one or the other: at most as many parts as slots in both (on the stack for a usual week).
        var most = a.Length + b.Length;
        var parts = most <= MostSlotsOnStack ? stackalloc TimeSlot[most] : new TimeSlot[most];
        var count = 0;
        for (int i = 0, j = 0; i < a.Length && j < b.Length;)
        {
            // Both are sorted and each slot lies within its day, so a common part lies within one day too.
            var (aStart, aEnd, bStart, bEnd) = (Start(a[i]), End(a[i]), Start(b[j]), End(b[j]));
            var (start, end) = (Math.Max(aStart, bStart), Math.Min(aEnd, bEnd));
            if (start < end)
            {
                Append(parts, ref count, a[i].Day, start - DayStart(a[i].Day), end - DayStart(a[i].Day));
            }

            if (aEnd <= bEnd)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        // The common part is often one of the two whole (a newcomer whose week covers a pool's shared
        // time narrows it by nothing): that one is returned, not a copy of it.
        var common = parts[..count];
        return count == 0 ? Empty
            : common.SequenceEqual(a) ? this
            : common.SequenceEqual(b) ? other
            : new WeeklySchedule(common.ToArray());
    }

    /// <summary>The most slots an intersection works out on the stack (12 bytes each).</summary>
    private const int MostSlotsOnStack = 64;

    public WeeklySchedule Union(WeeklySchedule other)
    {
        if (other._slots.Length == 0 || ReferenceEquals(other, this))
        {
            return this;
        }

        if (_slots.Length == 0)
        {
            return other;
        }

        // Both are sorted: merge them side by side, as Of would after sorting them together.
        var (a, b) = (_slots, other._slots);
        var merged = new TimeSlot[a.Length + b.Length];
        var count = 0;
        for (int i = 0, j = 0; i < a.Length || j < b.Length;)
        {
            var next = j >= b.Length || (i < a.Length && Start(a[i]) <= Start(b[j])) ? a[i++] : b[j++];
            Append(merged, ref count, next.Day, next.StartMinute, next.EndMinute);
        }

        return Of(merged, count);
    }

    /// <summary>True when any slot of one is closer than <paramref name="gapMinutes"/> to a slot of the other.</summary>
    public bool Conflicts(WeeklySchedule other, int gapMinutes)
    {
        foreach (var a in _slots)
        {
            foreach (var b in other._slots)
            {
                if (a.Conflicts(b, gapMinutes))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Storage form: "mon 15:00-18:00;wed 15:00-18:00".</summary>
    public override string ToString() => _slots.Length == 0 ? "" : string.Create(
        (_slots.Length * (TimeSlot.TextLength + 1)) - 1,
        _slots,
        static (text, slots) =>
        {
            for (var i = 0; i < slots.Length; i++)
            {
                var at = i * (TimeSlot.TextLength + 1);
                if (i > 0)
                {
                    text[at - 1] = ';';
                }

                slots[i].Format(text.Slice(at, TimeSlot.TextLength));
            }
        });

    public static WeeklySchedule Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Empty;
        }

        // Read in place, without a string per part: every placement parses its request's schedule.
        var whole = text.AsSpan();
        var slots = new TimeSlot[whole.Count(';') + 1];
        var count = 0;
        foreach (var range in whole.Split(';'))
        {
            var part = whole[range].Trim();
            if (!part.IsEmpty)
            {
                slots[count++] = ParseSlot(part);
            }
        }

        return Normalised(count == slots.Length ? slots : slots[..count]);
    }

    public static bool TryParseDay(string text, out DayOfWeek day) => TryParseDay(text.AsSpan(), out day);

    /// <summary>A day's English name or its first three letters, in any case.</summary>
    public static bool TryParseDay(ReadOnlySpan<char> text, out DayOfWeek day)
    {
        for (var i = 0; i < DayNames.Length; i++)
        {
            if (text.Equals(DayNames[i], StringComparison.OrdinalIgnoreCase) || text.Equals(DayNames[i].AsSpan(0, 3), StringComparison.OrdinalIgnoreCase))
            {
                day = (DayOfWeek)i;
                return true;
            }
        }

        day = default;
        return false;
    }

    /// <summary>Parses "HH:mm" into minutes of the day; "24:00" is allowed as an end.</summary>
    public static bool TryParseMinute(string text, out int minute) => TryParseMinute(text.AsSpan(), out minute);

    /// <inheritdoc cref="TryParseMinute(string, out int)"/>
    public static bool TryParseMinute(ReadOnlySpan<char> text, out int minute)
    {
        minute = 0;
        if (text.SequenceEqual("24:00"))
        {
            minute = TimeSlot.MinutesPerDay;
            return true;
        }

        // Exactly "HH:mm", two ASCII digits each, 00:00 to 23:59 (as TimeOnly.TryParseExact reads that
        // format, without the date and time-zone machinery it brings: every placement parses a schedule).
        if (text is not [var h1, var h2, ':', var m1, var m2] || !char.IsAsciiDigit(h1) || !char.IsAsciiDigit(h2) || !char.IsAsciiDigit(m1) || !char.IsAsciiDigit(m2))
        {
            return false;
        }

        var (hour, minutes) = (((h1 - '0') * 10) + (h2 - '0'), ((m1 - '0') * 10) + (m2 - '0'));
        if (hour > 23 || minutes > 59)
        {
            return false;
        }

        minute = hour * 60 + minutes;
        return true;
    }

    public bool Equals(WeeklySchedule? other) => other is not null && _slots.AsSpan().SequenceEqual(other._slots);

    public override bool Equals(object? obj) => Equals(obj as WeeklySchedule);

    public override int GetHashCode() => Slots.Aggregate(0, HashCode.Combine);

    private static readonly string[] DayNames = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

    /// <summary>Monday first, as an Italian week.</summary>
    private static int DayIndex(DayOfWeek day) => ((int)day + 6) % 7;

    private static int DayStart(DayOfWeek day) => DayIndex(day) * TimeSlot.MinutesPerDay;

    private static int WeekMinute(DayOfWeek day, int minute) => DayStart(day) + minute;

    private static int Start(TimeSlot slot) => WeekMinute(slot.Day, slot.StartMinute);

    private static int End(TimeSlot slot) => WeekMinute(slot.Day, slot.EndMinute);

    /// <summary>Adds a slot after those already sorted, merged with the last when they touch or overlap on the same day.</summary>
    private static void Append(Span<TimeSlot> sorted, ref int count, DayOfWeek day, int start, int end)
    {
        if (count > 0 && sorted[count - 1].Day == day && sorted[count - 1].EndMinute >= start)
        {
            var last = sorted[count - 1];
            sorted[count - 1] = new TimeSlot(day, last.StartMinute, Math.Max(last.EndMinute, end));
        }
        else
        {
            sorted[count++] = new TimeSlot(day, start, end);
        }
    }

    /// <summary>"mon 15:00-18:00": a day, one space, two times joined by one dash.</summary>
    private static TimeSlot ParseSlot(ReadOnlySpan<char> text)
    {
        var space = text.IndexOf(' ');
        var times = space < 0 ? [] : text[(space + 1)..];
        var dash = times.IndexOf('-');
        if (space < 0 || dash < 0 || !TryParseDay(text[..space], out var day) ||
            !TryParseMinute(times[..dash], out var start) || !TryParseMinute(times[(dash + 1)..], out var end))
        {
            throw new FormatException($"Not a weekly slot: '{text}'.");
        }

        return new TimeSlot(day, start, end);
    }
}
