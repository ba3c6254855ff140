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

    public bool IsEmpty => _slots.Length == 0;

    public static WeeklySchedule Of(IEnumerable<TimeSlot> slots)
    {
        var sorted = slots.ToArray();
        Array.Sort(sorted, static (a, b) => WeekMinute(a.Day, a.StartMinute).CompareTo(WeekMinute(b.Day, b.StartMinute)));
        var merged = new List<TimeSlot>(sorted.Length);
        foreach (var slot in sorted)
        {
            Append(merged, slot.Day, slot.StartMinute, slot.EndMinute);
        }

        return new WeeklySchedule([.. merged]);
    }

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
        var parts = new List<TimeSlot>();
        var (a, b) = (_slots, other._slots);
        for (int i = 0, j = 0; i < a.Length && j < b.Length;)
        {
            // Both are sorted and each slot lies within its day, so a common part lies within one day too.
            var (aStart, aEnd, bStart, bEnd) = (Start(a[i]), End(a[i]), Start(b[j]), End(b[j]));
            var (start, end) = (Math.Max(aStart, bStart), Math.Min(aEnd, bEnd));
            if (start < end)
            {
                Append(parts, a[i].Day, start - DayStart(a[i].Day), end - DayStart(a[i].Day));
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

        return parts.Count == 0 ? Empty : new WeeklySchedule([.. parts]);
    }

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
        var merged = new List<TimeSlot>(a.Length + b.Length);
        for (int i = 0, j = 0; i < a.Length || j < b.Length;)
        {
            var next = j >= b.Length || (i < a.Length && Start(a[i]) <= Start(b[j])) ? a[i++] : b[j++];
            Append(merged, next.Day, next.StartMinute, next.EndMinute);
        }

        return new WeeklySchedule([.. merged]);
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

        return Of(text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(ParseSlot));
    }

    public static bool TryParseDay(string text, out DayOfWeek day)
    {
        var index = Array.FindIndex(DayNames, n => n.Equals(text, StringComparison.OrdinalIgnoreCase) ||
            n[..3].Equals(text, StringComparison.OrdinalIgnoreCase));
        day = index < 0 ? default : (DayOfWeek)index;
        return index >= 0;
    }

    /// <summary>Parses "HH:mm" into minutes of the day; "24:00" is allowed as an end.</summary>
    public static bool TryParseMinute(string text, out int minute)
    {
        minute = 0;
        if (text == "24:00")
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
    private static void Append(List<TimeSlot> sorted, DayOfWeek day, int start, int end)
    {
        if (sorted.Count > 0 && sorted[^1].Day == day && sorted[^1].EndMinute >= start)
        {
            var last = sorted[^1];
            sorted[^1] = new TimeSlot(day, last.StartMinute, Math.Max(last.EndMinute, end));
        }
        else
        {
            sorted.Add(new TimeSlot(day, start, end));
        }
    }

    private static TimeSlot ParseSlot(string text)
    {
        var parts = text.Split(' ', 2);
        var times = parts.Length == 2 ? parts[1].Split('-') : [];
        if (parts.Length != 2 || times.Length != 2 || !TryParseDay(parts[0], out var day) ||
            !TryParseMinute(times[0], out var start) || !TryParseMinute(times[1], out var end))
        {
            throw new FormatException($"Not a weekly slot: '{text}'.");
        }

        return new TimeSlot(day, start, end);
    }
}
