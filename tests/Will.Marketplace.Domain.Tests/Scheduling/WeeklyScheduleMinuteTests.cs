using Will.Marketplace.Domain.Scheduling;

namespace Will.Marketplace.Domain.Tests.Scheduling;

public sealed class WeeklyScheduleMinuteTests
{
    [TestCase("00:00", 0)]
    [TestCase("09:30", 570)]
    [TestCase("23:59", 1439)]
    [TestCase("24:00", 1440)]
    public void TryParseMinute_WhenTextIsAClockTime_ReturnsMinutesOfTheDay(string text, int expected)
    {
        var parsed = WeeklySchedule.TryParseMinute(text, out var minute);

        Assert.That(parsed, Is.True);
        Assert.That(minute, Is.EqualTo(expected));
    }

    [TestCase("24:01")]
    [TestCase("24:30")]
    [TestCase("25:00")]
    [TestCase("12:60")]
    [TestCase("noon")]
    [TestCase("")]
    [TestCase("9:30")]
    [TestCase(" 09:30")]
    [TestCase("09:30 ")]
    [TestCase("09.30")]
    [TestCase("0930")]
    [TestCase("٠٩:٣٠")]
    public void TryParseMinute_WhenTextIsNotATimeOfDayNorEndOfDay_Fails(string text)
    {
        var parsed = WeeklySchedule.TryParseMinute(text, out _);

        Assert.That(parsed, Is.False);
    }

    [Test]
    public void TryParseMinute_ForEveryTwoDigitPair_ReadsWhatTimeOnlyReadsInTheSameFormat()
    {
        for (var hour = 0; hour < 100; hour++)
        {
            for (var minutes = 0; minutes < 100; minutes++)
            {
                var text = $"{hour:D2}:{minutes:D2}";
                var expected = TimeOnly.TryParseExact(text, "HH:mm", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var time);
                var parsed = WeeklySchedule.TryParseMinute(text, out var minute);

                Assert.That(parsed, Is.EqualTo(expected || text == "24:00"), text);
                if (expected)
                {
                    Assert.That(minute, Is.EqualTo(time.Hour * 60 + time.Minute), text);
                }
            }
        }
    }

    [Test]
    public void Parse_When24_00IsTheEndOfASlot_EndsTheSlotAtMidnight()
    {
        var schedule = WeeklySchedule.Parse("sun 20:00-24:00");

        Assert.That(schedule.Slots[0].EndMinute, Is.EqualTo(TimeSlot.MinutesPerDay));
        Assert.That(schedule.TotalMinutes, Is.EqualTo(240));
    }

    [TestCase("mon", DayOfWeek.Monday)]
    [TestCase("Sunday", DayOfWeek.Sunday)]
    [TestCase("SAT", DayOfWeek.Saturday)]
    public void TryParseDay_WhenTextNamesADay_ReturnsIt(string text, DayOfWeek expected)
    {
        var parsed = WeeklySchedule.TryParseDay(text, out var day);

        Assert.That(parsed, Is.True);
        Assert.That(day, Is.EqualTo(expected));
    }
}
