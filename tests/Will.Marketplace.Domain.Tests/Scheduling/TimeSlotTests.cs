using Will.Marketplace.Domain.Scheduling;

namespace Will.Marketplace.Domain.Tests.Scheduling;

public sealed class TimeSlotTests
{
    [TestCase(600, 600)]
    [TestCase(600, 540)]
    public void Constructor_WhenStartIsNotBeforeEnd_Throws(int start, int end)
    {
        Assert.That(() => new TimeSlot(DayOfWeek.Monday, start, end), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [TestCase(-1, 60)]
    [TestCase(1380, 1441)]
    [TestCase(1440, 1500)]
    public void Constructor_WhenMinutesFallOutsideTheDay_Throws(int start, int end)
    {
        Assert.That(() => new TimeSlot(DayOfWeek.Monday, start, end), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void Constructor_WhenDayIsNotADayOfTheWeek_Throws()
    {
        Assert.That(() => new TimeSlot((DayOfWeek)7, 60, 120), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void Constructor_WhenSlotEndsAtMidnight_KeepsTheWholeLastHour()
    {
        var slot = new TimeSlot(DayOfWeek.Sunday, 23 * 60, TimeSlot.MinutesPerDay);

        Assert.That(slot.Minutes, Is.EqualTo(60));
        Assert.That(slot.ToString(), Is.EqualTo("sun 23:00-24:00"));
    }

    [Test]
    public void ToString_ForEveryDayAndEveryMinute_IsTheStorageFormAndParsesBack()
    {
        // Written by hand for speed: checked against the plain composite format for the whole week.
        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            for (var start = 0; start < TimeSlot.MinutesPerDay; start++)
            {
                var end = start + 1 + (start % 97);
                end = Math.Min(end, TimeSlot.MinutesPerDay);
                var slot = new TimeSlot(day, start, end);
                var expected = $"{day.ToString()[..3].ToLowerInvariant()} {start / 60:00}:{start % 60:00}-{end / 60:00}:{end % 60:00}";

                Assert.That(slot.ToString(), Is.EqualTo(expected));
                Assert.That((slot.StartText, slot.EndText), Is.EqualTo(($"{start / 60:00}:{start % 60:00}", $"{end / 60:00}:{end % 60:00}")));
                Assert.That(WeeklySchedule.Parse(expected).Slots, Is.EqualTo(new[] { slot }));
            }
        }
    }

    [Test]
    public void OverlapMinutes_WhenSlotsAreOnDifferentDays_IsZero()
    {
        var monday = new TimeSlot(DayOfWeek.Monday, 540, 660);
        var tuesday = new TimeSlot(DayOfWeek.Tuesday, 540, 660);

        var minutes = monday.OverlapMinutes(tuesday);

        Assert.That(minutes, Is.Zero);
    }

    [Test]
    public void OverlapMinutes_WhenSlotsShareAnHourOnOneDay_IsSixty()
    {
        var early = new TimeSlot(DayOfWeek.Monday, 540, 660);
        var late = new TimeSlot(DayOfWeek.Monday, 600, 720);

        var minutes = early.OverlapMinutes(late);

        Assert.That(minutes, Is.EqualTo(60));
    }
}
