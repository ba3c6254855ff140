using Will.Marketplace.Domain.Scheduling;

namespace Will.Marketplace.Domain.Tests.Scheduling;

public sealed class WeeklyScheduleParseTests
{
    [TestCase("mon 15:00-18:00;wed 15:00-18:00")]
    [TestCase("tue 00:00-24:00")]
    [TestCase("mon 08:00-09:30;mon 10:00-12:00;sat 07:15-07:45;sun 20:00-24:00")]
    public void Parse_WhenGivenToStringOutput_ReturnsAnEqualSchedule(string text)
    {
        var schedule = WeeklySchedule.Parse(text);

        var reparsed = WeeklySchedule.Parse(schedule.ToString());

        Assert.That(reparsed, Is.EqualTo(schedule));
        Assert.That(reparsed.ToString(), Is.EqualTo(text));
    }

    [Test]
    public void Parse_WhenDaysAreFullNamesInAnyCase_ReadsThem()
    {
        var schedule = WeeklySchedule.Parse(" Monday 09:00-10:00 ; WED 09:00-10:00 ;");

        Assert.That(schedule.ToString(), Is.EqualTo("mon 09:00-10:00;wed 09:00-10:00"));
    }

    [TestCase("")]
    [TestCase("   ")]
    public void Parse_WhenTextIsBlank_ReturnsEmpty(string text)
    {
        var schedule = WeeklySchedule.Parse(text);

        Assert.That(schedule.IsEmpty, Is.True);
    }

    [TestCase("monday")]
    [TestCase("mon 09:00")]
    [TestCase("mon 9-11")]
    [TestCase("mon 09:00-11:00-12:00")]
    [TestCase("xyz 09:00-11:00")]
    [TestCase("mo 09:00-11:00")]
    [TestCase("mon 09:60-11:00")]
    [TestCase("mon 09:00-24:30")]
    [TestCase("mon 09:00-11:00;tue")]
    public void Parse_WhenTextIsMalformed_ThrowsFormatException(string text)
    {
        Assert.That(() => WeeklySchedule.Parse(text), Throws.InstanceOf<FormatException>());
    }

    [TestCase("mon 11:00-09:00")]
    [TestCase("mon 24:00-24:00")]
    public void Parse_WhenASlotDoesNotStartBeforeItEnds_ThrowsOutOfRange(string text)
    {
        Assert.That(() => WeeklySchedule.Parse(text), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }
}
