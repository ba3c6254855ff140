using Will.Marketplace.Domain.Scheduling;

namespace Will.Marketplace.Domain.Tests.Scheduling;

public sealed class WeeklyScheduleConflictTests
{
    private static readonly WeeklySchedule MondayMorning = WeeklySchedule.Parse("mon 09:00-11:00");

    [TestCase("mon 11:29-12:00")]
    [TestCase("mon 08:00-08:31")]
    [TestCase("mon 10:00-10:30")]
    public void Conflicts_WhenGapIsShorterThanTheBuffer_IsTrue(string other)
    {
        var conflicts = MondayMorning.Conflicts(WeeklySchedule.Parse(other), gapMinutes: 30);

        Assert.That(conflicts, Is.True);
    }

    [TestCase("mon 11:30-12:00")]
    [TestCase("mon 07:00-08:30")]
    [TestCase("tue 09:00-11:00")]
    public void Conflicts_WhenGapIsAtLeastTheBufferOrOnAnotherDay_IsFalse(string other)
    {
        var conflicts = MondayMorning.Conflicts(WeeklySchedule.Parse(other), gapMinutes: 30);

        Assert.That(conflicts, Is.False);
    }

    [Test]
    public void Conflicts_WhenSlotsTouchAndNoGapIsNeeded_IsFalse()
    {
        var conflicts = MondayMorning.Conflicts(WeeklySchedule.Parse("mon 11:00-12:00"), gapMinutes: 0);

        Assert.That(conflicts, Is.False);
    }
}
