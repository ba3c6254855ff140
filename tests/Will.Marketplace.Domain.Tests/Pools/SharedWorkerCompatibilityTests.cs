using Will.Marketplace.Domain.Pools;
using static Will.Marketplace.Domain.Tests.Samples;

namespace Will.Marketplace.Domain.Tests.Pools;

/// <summary>Home care: one worker, 3 km radius, 30 minutes between households, at most 38 hours a week.</summary>
public sealed class SharedWorkerCompatibilityTests
{
    [Test]
    public void Check_WhenSlotsLeaveTheTravelBufferFreeAndTheWeekFits_IsCompatible()
    {
        var member = Member("mon 09:00-11:00;wed 09:00-11:00");
        var candidate = Member("mon 11:30-13:00;tue 09:00-11:00", metresNorth: 2_000);

        var verdict = Compatibility.Check(HomeCare, [member], candidate);

        Assert.That(verdict, Is.EqualTo(Incompatibility.None));
    }

    [TestCase("mon 11:15-12:00")]
    [TestCase("mon 10:00-12:00")]
    [TestCase("mon 07:00-08:45")]
    public void Check_WhenSlotsFallWithinTheTravelBuffer_IsScheduleConflict(string candidateSchedule)
    {
        var member = Member("mon 09:00-11:00");
        var candidate = Member(candidateSchedule);

        var verdict = Compatibility.Check(HomeCare, [member], candidate);

        Assert.That(verdict, Is.EqualTo(Incompatibility.ScheduleConflict));
    }

    [Test]
    public void Check_WhenTheWorkersWeekWouldBeTooLong_IsWeekTooLong()
    {
        var member = Member("mon 08:00-15:00;tue 08:00-15:00;wed 08:00-15:00;thu 08:00-15:00;fri 08:00-15:00");
        var candidate = Member("sat 08:00-11:01");

        var verdict = Compatibility.Check(HomeCare, [member], candidate);

        Assert.That(verdict, Is.EqualTo(Incompatibility.WeekTooLong));
    }

    [Test]
    public void Check_WhenTheWeekIsExactlyFull_IsCompatible()
    {
        var member = Member("mon 08:00-15:00;tue 08:00-15:00;wed 08:00-15:00;thu 08:00-15:00;fri 08:00-15:00");
        var candidate = Member("sat 08:00-11:00");

        var verdict = Compatibility.Check(HomeCare, [member], candidate);

        Assert.That(verdict, Is.EqualTo(Incompatibility.None));
    }

    [Test]
    public void Check_WhenHomesAreFartherApartThanTheRadius_IsTooFar()
    {
        var member = Member("mon 09:00-11:00");
        var candidate = Member("tue 09:00-11:00", metresNorth: 3_100);

        var verdict = Compatibility.Check(HomeCare, [member], candidate);

        Assert.That(verdict, Is.EqualTo(Incompatibility.TooFar));
    }

    [Test]
    public void Check_WhenLanguagesDiffer_IsAttributeMismatch()
    {
        var member = Member("mon 09:00-11:00", 0, new Dictionary<string, string> { ["language"] = "it" });
        var candidate = Member("tue 09:00-11:00", 0, new Dictionary<string, string> { ["language"] = "ar" });

        var verdict = Compatibility.Check(HomeCare, [member], candidate);

        Assert.That(verdict, Is.EqualTo(Incompatibility.AttributeMismatch));
    }
}
