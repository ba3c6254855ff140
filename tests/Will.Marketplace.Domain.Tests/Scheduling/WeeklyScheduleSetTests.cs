using Will.Marketplace.Domain.Scheduling;

namespace Will.Marketplace.Domain.Tests.Scheduling;

public sealed class WeeklyScheduleSetTests
{
    private static readonly WeeklySchedule Mornings = WeeklySchedule.Parse("mon 08:00-12:00;wed 08:00-12:00;fri 08:00-12:00");
    private static readonly WeeklySchedule Middays = WeeklySchedule.Parse("mon 11:00-14:00;wed 10:00-11:00;thu 08:00-12:00");

    [Test]
    public void Intersect_WhenSlotsPartlyOverlap_KeepsOnlyTheCommonPart()
    {
        var shared = Mornings.Intersect(Middays);

        Assert.That(shared.ToString(), Is.EqualTo("mon 11:00-12:00;wed 10:00-11:00"));
    }

    [Test]
    public void OverlapMinutes_WhenSchedulesShareTwoDays_SumsTheSharedMinutes()
    {
        var minutes = Mornings.OverlapMinutes(Middays);

        Assert.That(minutes, Is.EqualTo(120));
    }

    [Test]
    public void OverlapMinutes_WhenSchedulesShareNoDay_IsZero()
    {
        var weekend = WeeklySchedule.Parse("sat 08:00-12:00;sun 08:00-12:00");

        var minutes = Mornings.OverlapMinutes(weekend);

        Assert.That(minutes, Is.Zero);
    }

    [Test]
    public void Intersect_WhenSlotsOnlyTouch_IsEmpty()
    {
        var afternoons = WeeklySchedule.Parse("mon 12:00-16:00");

        var shared = Mornings.Intersect(afternoons);

        Assert.That(shared.IsEmpty, Is.True);
    }

    [Test]
    public void Union_WhenSlotsOverlapOrTouch_MergesThem()
    {
        var union = Mornings.Union(Middays);

        Assert.That(union.ToString(), Is.EqualTo("mon 08:00-14:00;wed 08:00-12:00;thu 08:00-12:00;fri 08:00-12:00"));
        Assert.That(union.TotalMinutes, Is.EqualTo(360 + 240 + 240 + 240));
    }
}
