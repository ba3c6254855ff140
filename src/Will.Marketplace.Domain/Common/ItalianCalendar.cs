namespace Will.Marketplace.Domain.Common;

/// <summary>
/// The service's calendar: Italian days (Europe/Rome, summer time included). Instants are kept in UTC;
/// the days people mean (a family's wanted start, today for that date, a bill's month, an
/// accreditation's last day, an order's first day) are Italian days, read from an instant here, in one
/// place. Matching asks this for every pool it weighs, so each UTC day's offset is kept once found.
/// </summary>
public static class ItalianCalendar
{
    /// <summary>The time zone's IANA id, as calendars name it.</summary>
    public const string TimeZoneId = "Europe/Rome";

    private static readonly TimeZoneInfo Rome = TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);

    /// <summary>
    /// UTC days already looked up, by day number modulo the size: the day number in the high half, the
    /// offset in minutes in the low half, or <see cref="Changing"/> for a day whose offset changes (two a
    /// year, when summer time starts or ends). One 64-bit word per entry, read and written whole.
    /// </summary>
    private static readonly long[] Offsets = new long[1024];

    /// <summary>The low half of an entry whose day has two offsets: each instant is looked up on its own.</summary>
    private const int Changing = int.MinValue;

    /// <summary>The Italian day of <paramref name="moment"/>.</summary>
    public static DateOnly DayOf(DateTimeOffset moment)
    {
        var utc = moment.UtcTicks;
        var day = utc / TimeSpan.TicksPerDay;
        var entry = Volatile.Read(ref Offsets[day & (Offsets.Length - 1)]);
        var minutes = (entry >> 32) == day + 1 ? (int)entry : Lookup(day);
        var offset = minutes == Changing ? Rome.GetUtcOffset(new DateTime(utc, DateTimeKind.Utc)).Ticks : minutes * TimeSpan.TicksPerMinute;
        return DateOnly.FromDayNumber((int)((utc + offset) / TimeSpan.TicksPerDay));
    }

    /// <summary>Today, in Italy, by <paramref name="time"/>.</summary>
    public static DateOnly Today(TimeProvider time) => DayOf(time.GetUtcNow());

    private static int Lookup(long day)
    {
        var first = Rome.GetUtcOffset(new DateTime(day * TimeSpan.TicksPerDay, DateTimeKind.Utc));
        var last = Rome.GetUtcOffset(new DateTime(((day + 1) * TimeSpan.TicksPerDay) - 1, DateTimeKind.Utc));
        var minutes = first == last ? (int)first.TotalMinutes : Changing;

        // Day numbers are kept one up, so that an entry never written (zero) matches no day.
        Volatile.Write(ref Offsets[day & (Offsets.Length - 1)], ((day + 1) << 32) | (uint)minutes);
        return minutes;
    }
}
