namespace Will.Marketplace.Domain.Scheduling;

/// <summary>A weekly recurring interval on one day, with minute precision, end exclusive.</summary>
public readonly record struct TimeSlot
{
    public TimeSlot(DayOfWeek day, int startMinute, int endMinute)
    {
        if (!Enum.IsDefined(day))
        {
            throw new ArgumentOutOfRangeException(nameof(day));
        }

        if (startMinute < 0 || endMinute > MinutesPerDay || startMinute >= endMinute)
        {
            throw new ArgumentOutOfRangeException(nameof(startMinute), "A slot starts before it ends, within one day.");
        }

        Day = day;
        StartMinute = startMinute;
        EndMinute = endMinute;
    }

    public const int MinutesPerDay = 24 * 60;

    public DayOfWeek Day { get; }

    public int StartMinute { get; }

    public int EndMinute { get; }

    public int Minutes => EndMinute - StartMinute;

    public TimeOnly Start => TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(StartMinute));

    /// <summary>24:00 is shown as 23:59 only by TimeOnly; keep minutes as the source of truth.</summary>
    public string EndText => ClockText(EndMinute);

    public string StartText => ClockText(StartMinute);

    public int OverlapMinutes(TimeSlot other) =>
        Day != other.Day ? 0 : Math.Max(0, Math.Min(EndMinute, other.EndMinute) - Math.Max(StartMinute, other.StartMinute));

    /// <summary>True when the slots are closer than <paramref name="gapMinutes"/> on the same day.</summary>
    public bool Conflicts(TimeSlot other, int gapMinutes) =>
        Day == other.Day && StartMinute < other.EndMinute + gapMinutes && other.StartMinute < EndMinute + gapMinutes;

    /// <summary>Characters in the storage form of a slot, "mon 15:00-18:00".</summary>
    internal const int TextLength = 15;

    /// <summary>Three-letter day names in <see cref="DayOfWeek"/> order (Sunday first).</summary>
    private static readonly string[] DayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    public override string ToString() => string.Create(TextLength, this, static (text, slot) => slot.Format(text));

    /// <summary>Writes the storage form into <paramref name="text"/> (<see cref="TextLength"/> characters): schedules are written on every save.</summary>
    internal void Format(Span<char> text)
    {
        DayNames[(int)Day].CopyTo(text);
        text[3] = ' ';
        Clock(StartMinute, text[4..]);
        text[9] = '-';
        Clock(EndMinute, text[10..]);
    }

    private static string ClockText(int minute) => string.Create(5, minute, static (text, m) => Clock(m, text));

    private static void Clock(int minute, Span<char> text)
    {
        var (hours, minutes) = (minute / 60, minute % 60);
        text[0] = (char)('0' + (hours / 10));
        text[1] = (char)('0' + (hours % 10));
        text[2] = ':';
        text[3] = (char)('0' + (minutes / 10));
        text[4] = (char)('0' + (minutes % 10));
    }
}
