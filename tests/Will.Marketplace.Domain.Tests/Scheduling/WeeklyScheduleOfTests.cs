using Will.Marketplace.Domain.Scheduling;

namespace Will.Marketplace.Domain.Tests.Scheduling;

public sealed class WeeklyScheduleOfTests
{
    [Test]
    public void Of_WhenSlotsTouch_MergesThemIntoOne()
    {
        var slots = new[] { new TimeSlot(DayOfWeek.Monday, 9 * 60, 12 * 60), new TimeSlot(DayOfWeek.Monday, 12 * 60, 14 * 60) };

        var schedule = WeeklySchedule.Of(slots);

        Assert.That(schedule.Slots, Is.EqualTo(new[] { new TimeSlot(DayOfWeek.Monday, 9 * 60, 14 * 60) }));
    }

    [Test]
    public void Of_WhenSlotsOverlap_MergesThemIntoOne()
    {
        var slots = new[] { new TimeSlot(DayOfWeek.Tuesday, 11 * 60, 13 * 60), new TimeSlot(DayOfWeek.Tuesday, 9 * 60, 12 * 60) };

        var schedule = WeeklySchedule.Of(slots);

        Assert.That(schedule.ToString(), Is.EqualTo("tue 09:00-13:00"));
    }

    [Test]
    public void Of_WhenOneSlotContainsAnother_KeepsTheOuterSlot()
    {
        var slots = new[] { new TimeSlot(DayOfWeek.Friday, 8 * 60, 18 * 60), new TimeSlot(DayOfWeek.Friday, 10 * 60, 11 * 60) };

        var schedule = WeeklySchedule.Of(slots);

        Assert.That(schedule.ToString(), Is.EqualTo("fri 08:00-18:00"));
    }

    [Test]
    public void Of_WhenSlotsAreOnSeveralDays_OrdersThemMondayFirst()
    {
        var slots = new[]
        {
            new TimeSlot(DayOfWeek.Sunday, 9 * 60, 10 * 60),
            new TimeSlot(DayOfWeek.Wednesday, 15 * 60, 16 * 60),
            new TimeSlot(DayOfWeek.Monday, 15 * 60, 16 * 60),
            new TimeSlot(DayOfWeek.Wednesday, 9 * 60, 10 * 60),
        };

        var schedule = WeeklySchedule.Of(slots);

        Assert.That(schedule.ToString(), Is.EqualTo("mon 15:00-16:00;wed 09:00-10:00;wed 15:00-16:00;sun 09:00-10:00"));
    }

    [Test]
    public void Of_WhenSlotsAreSeparatedByAGap_KeepsThemApart()
    {
        var slots = new[] { new TimeSlot(DayOfWeek.Monday, 9 * 60, 12 * 60), new TimeSlot(DayOfWeek.Monday, 12 * 60 + 1, 14 * 60) };

        var schedule = WeeklySchedule.Of(slots);

        Assert.That(schedule.Slots, Has.Count.EqualTo(2));
        Assert.That(schedule.TotalMinutes, Is.EqualTo(180 + 119));
    }

    [Test]
    public void Equals_WhenTwoSlotListsDescribeTheSameWeek_IsTrueWithTheSameHashCode()
    {
        var split = WeeklySchedule.Parse("mon 09:00-10:00;mon 10:00-11:00;wed 15:00-18:00");
        var whole = WeeklySchedule.Parse("wed 15:00-18:00;mon 09:00-11:00");

        Assert.That(split, Is.EqualTo(whole));
        Assert.That(split.GetHashCode(), Is.EqualTo(whole.GetHashCode()));
    }

    [Test]
    public void Of_WhenGivenNoSlots_IsEmpty()
    {
        var schedule = WeeklySchedule.Of([]);

        Assert.That(schedule.IsEmpty, Is.True);
        Assert.That(schedule, Is.EqualTo(WeeklySchedule.Empty));
    }
}
