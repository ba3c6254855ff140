using CsCheck;
using Will.Marketplace.Domain.Common;

namespace Will.Marketplace.Domain.Tests.Common;

public sealed class ItalianCalendarTests
{
    private static readonly TimeZoneInfo Rome = TimeZoneInfo.FindSystemTimeZoneById("Europe/Rome");

    [TestCase("2026-12-03T22:59:59Z", "2026-12-03", TestName = "DayOf_InWinter_AnHourAheadOfUtc_BeforeMidnight")]
    [TestCase("2026-12-03T23:00:00Z", "2026-12-04", TestName = "DayOf_InWinter_AnHourAheadOfUtc_AtMidnight")]
    [TestCase("2026-07-01T21:59:59Z", "2026-07-01", TestName = "DayOf_InSummer_TwoHoursAheadOfUtc_BeforeMidnight")]
    [TestCase("2026-07-01T22:00:00Z", "2026-07-02", TestName = "DayOf_InSummer_TwoHoursAheadOfUtc_AtMidnight")]
    [TestCase("2026-03-28T23:00:00Z", "2026-03-29", TestName = "DayOf_TheNightSummerTimeStarts")]
    [TestCase("2026-03-29T22:00:00Z", "2026-03-30", TestName = "DayOf_TheFirstMidnightOfSummerTime")]
    [TestCase("2026-10-24T22:00:00Z", "2026-10-25", TestName = "DayOf_TheNightSummerTimeEnds")]
    [TestCase("2026-10-25T22:59:59Z", "2026-10-25", TestName = "DayOf_TheFirstEveningOfWinterTime")]
    [TestCase("2026-12-31T23:30:00+00:00", "2027-01-01", TestName = "DayOf_NewYear_ComesAnHourEarlierInItaly")]
    [TestCase("2026-12-04T00:30:00+01:00", "2026-12-04", TestName = "DayOf_AnItalianInstant_IsItsOwnDay")]
    public void DayOf_ReadsTheItalianDate(string instant, string day) =>
        Assert.That(ItalianCalendar.DayOf(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture)), Is.EqualTo(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));

    [Test]
    public void DayOf_AnyInstant_IsTheDateTheTimeZoneGives() =>
        // Instants from 2000 to 2100, the days of summer time's changes among them: every answer the kept offsets give is the time zone's own.
        Gen.Long[new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks, new DateTime(2100, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks]
            .Select(ticks => new DateTimeOffset(ticks, TimeSpan.Zero))
            .Sample(moment => ItalianCalendar.DayOf(moment) == DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(moment, Rome).DateTime), iter: 20_000);

    [Test]
    public void DayOf_AroundEveryChangeOfSummerTime_IsTheDateTheTimeZoneGives()
    {
        // Every minute of the two days around each change from 2020 to 2040, asked twice (the second time from the kept offsets).
        for (var year = 2020; year <= 2040; year++)
        {
            foreach (var month in new[] { 3, 10 })
            {
                var lastSunday = new DateTime(year, month, DateTime.DaysInMonth(year, month), 0, 0, 0, DateTimeKind.Utc);
                while (lastSunday.DayOfWeek != DayOfWeek.Sunday)
                {
                    lastSunday = lastSunday.AddDays(-1);
                }

                for (var minute = -24 * 60; minute < 24 * 60; minute += 7)
                {
                    var moment = new DateTimeOffset(lastSunday.AddMinutes(minute));
                    var expected = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(moment, Rome).DateTime);
                    Assert.That((ItalianCalendar.DayOf(moment), ItalianCalendar.DayOf(moment)), Is.EqualTo((expected, expected)), $"{moment:O}");
                }
            }
        }
    }
}
