using System.Globalization;

namespace Will.Marketplace.Domain.Scheduling;

/// <summary>
/// A family's weekly need: slots sorted by day and time, touching or overlapping slots merged,
/// so two schedules that mean the same week are equal.
/// </summary>
public sealed class WeeklySchedule : IEquatable<WeeklySchedule>
{
    private WeeklySchedule(IReadOnlyList<TimeSlot> slots) => Slots = slots;

    public static WeeklySchedule Empty { get; } = new([]);

    public IReadOnlyList<TimeSlot> Slots { get; }

    public int TotalMinutes => Slots.Sum(s => s.Minutes);

    public bool IsEmpty => Slots.Count == 0;

    public static WeeklySchedule Of(IEnumerable<TimeSlot> slots)
    {
        var merged = new List<TimeSlot>();
        foreach (var slot in slots.OrderBy(s => DayIndex(s.Day)).ThenBy(s => s.StartMinute))
        {
            if (merged.Count > 0 && merged[^1].Day == slot.Day && merged[^1].EndMinute >= slot.StartMinute)
            {
                var last = merged[^1];
                merged[^1] = new TimeSlot(last.Day, last.StartMinute, Math.Max(last.EndMinute, slot.EndMinute));
            }
            else
            {
                merged.Add(slot);
            }
        }

        return new WeeklySchedule(merged);
    }

    /// <summary>Minutes of the week when both schedules are active.</summary>
    public int OverlapMinutes(WeeklySchedule other) => Intersect(other).TotalMinutes;

    public WeeklySchedule Intersect(WeeklySchedule other)
    {
        var parts = new List<TimeSlot>();
        foreach (var a in Slots)
        {
            foreach (var b in other.Slots)
            {
                var start = Math.Max(a.StartMinute, b.StartMinute);
                var end = Math.Min(a.EndMinute, b.EndMinute);
                if (a.Day == b.Day && start < end)
                {
                    parts.Add(new TimeSlot(a.Day, start, end));
                }
            }
        }

        return Of(parts);
    }

    public WeeklySchedule Union(WeeklySchedule other) => Of(Slots.Concat(other.Slots));

    /// <summary>True when any slot of one is closer than <paramref name="gapMinutes"/> to a slot of the other.</summary>
    public bool Conflicts(WeeklySchedule other, int gapMinutes) =>
        Slots.Any(a => other.Slots.Any(b => a.Conflicts(b, gapMinutes)));

    /// <summary>Storage form: "mon 15:00-18:00;wed 15:00-18:00".</summary>
    public override string ToString() => string.Join(';', Slots);

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

        if (!TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return false;
        }

        minute = time.Hour * 60 + time.Minute;
        return true;
    }

    public bool Equals(WeeklySchedule? other) => other is not null && Slots.SequenceEqual(other.Slots);

    public override bool Equals(object? obj) => Equals(obj as WeeklySchedule);

    public override int GetHashCode() => Slots.Aggregate(0, HashCode.Combine);

    private static readonly string[] DayNames = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

    /// <summary>Monday first, as an Italian week.</summary>
    private static int DayIndex(DayOfWeek day) => ((int)day + 6) % 7;

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
