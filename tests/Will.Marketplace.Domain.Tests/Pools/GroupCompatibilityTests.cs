using Will.Marketplace.Domain.Pools;
using static Will.Marketplace.Domain.Tests.Samples;

namespace Will.Marketplace.Domain.Tests.Pools;

/// <summary>Nanny share: 1.5 km radius, 480 shared minutes a week, ageBand and language must match.</summary>
public sealed class GroupCompatibilityTests
{
    private const string Weekdays8To12 = "mon 08:00-12:00;tue 08:00-12:00;wed 08:00-12:00;thu 08:00-12:00;fri 08:00-12:00";

    private static Dictionary<string, string> Attributes(string ageBand, string language) =>
        new() { ["ageBand"] = ageBand, ["language"] = language };

    [Test]
    public void Check_WhenCloseWithEnoughSharedTimeAndSameAttributes_IsCompatible()
    {
        var member = Member(Weekdays8To12, 0, Attributes("0-3", "it"));
        var candidate = Member("mon 08:00-13:00;tue 08:00-13:00;wed 08:00-13:00", 800, Attributes("0-3", "it"));

        var verdict = Compatibility.Check(NannyShare, [member], candidate);

        Assert.That(verdict, Is.EqualTo(Incompatibility.None));
    }

    [Test]
    public void Check_WhenSharedTimeIsBelowTheCategoryMinimum_IsNotEnoughSharedTime()
    {
        var member = Member(Weekdays8To12);
        var candidate = Member("mon 11:00-15:00;tue 11:00-15:00;wed 11:00-15:00;thu 11:00-15:00;fri 11:00-15:00");

        var verdict = Compatibility.Check(NannyShare, [member], candidate);

        Assert.That(verdict, Is.EqualTo(Incompatibility.NotEnoughSharedTime));
    }

    [Test]
    public void Check_WhenEachMemberOverlapsButNotAllAtOnce_IsNotEnoughSharedTime()
    {
        var early = Member("mon 08:00-14:00;tue 08:00-14:00;wed 08:00-14:00;thu 08:00-14:00;fri 08:00-14:00");
        var late = Member("mon 10:00-16:00;tue 10:00-16:00;wed 10:00-16:00;thu 10:00-16:00;fri 10:00-16:00");
        var candidate = Member("mon 07:00-11:00;tue 07:00-11:00;wed 07:00-11:00;thu 07:00-11:00;fri 07:00-11:00");

        var verdict = Compatibility.Check(NannyShare, [early, late], candidate);

        Assert.That(verdict, Is.EqualTo(Incompatibility.NotEnoughSharedTime));
    }

    [Test]
    public void Check_WhenCandidateNeedsLessThanTheMinimum_IsNotEnoughSharedTimeWhateverTheOrder()
    {
        var longer = Member(Weekdays8To12);
        var shorter = Member("mon 09:00-11:00");

        var shorterJoiningLonger = Compatibility.Check(NannyShare, [longer], shorter);
        var longerJoiningShorter = Compatibility.Check(NannyShare, [shorter], longer);

        Assert.That(shorterJoiningLonger, Is.EqualTo(Incompatibility.NotEnoughSharedTime));
        Assert.That(longerJoiningShorter, Is.EqualTo(Incompatibility.NotEnoughSharedTime));
    }

    [Test]
    public void Check_WhenHomesAreFartherApartThanTheRadius_IsTooFar()
    {
        var member = Member(Weekdays8To12);
        var candidate = Member(Weekdays8To12, metresNorth: 1_600);

        var verdict = Compatibility.Check(NannyShare, [member], candidate);

        Assert.That(verdict, Is.EqualTo(Incompatibility.TooFar));
    }

    [TestCase("3-6", "it")]
    [TestCase("0-3", "en")]
    public void Check_WhenAMatchedAttributeDiffers_IsAttributeMismatch(string ageBand, string language)
    {
        var member = Member(Weekdays8To12, 0, Attributes("0-3", "it"));
        var candidate = Member(Weekdays8To12, 0, Attributes(ageBand, language));

        var verdict = Compatibility.Check(NannyShare, [member], candidate);

        Assert.That(verdict, Is.EqualTo(Incompatibility.AttributeMismatch));
    }

    [Test]
    public void Check_WhenCandidateLeavesAMatchedAttributeUnset_MatchesAnyValue()
    {
        var member = Member(Weekdays8To12, 0, Attributes("0-3", "it"));
        var candidate = Member(Weekdays8To12, 0, new Dictionary<string, string> { ["ageBand"] = "0-3" });

        var verdict = Compatibility.Check(NannyShare, [member], candidate);

        Assert.That(verdict, Is.EqualTo(Incompatibility.None));
    }

    [Test]
    public void Check_WhenAMemberLeftAMatchedAttributeUnset_MatchesAnyValue()
    {
        var member = Member(Weekdays8To12);
        var candidate = Member(Weekdays8To12, 0, Attributes("3-6", "en"));

        var verdict = Compatibility.Check(NannyShare, [member], candidate);

        Assert.That(verdict, Is.EqualTo(Incompatibility.None));
    }

    [Test]
    public void Check_WhenAnAttributeThatIsNotMatchedDiffers_IsCompatible()
    {
        var member = Member(Weekdays8To12, 0, new Dictionary<string, string> { ["diet"] = "vegetarian" });
        var candidate = Member(Weekdays8To12, 0, new Dictionary<string, string> { ["diet"] = "none" });

        var verdict = Compatibility.Check(NannyShare, [member], candidate);

        Assert.That(verdict, Is.EqualTo(Incompatibility.None));
    }
}
