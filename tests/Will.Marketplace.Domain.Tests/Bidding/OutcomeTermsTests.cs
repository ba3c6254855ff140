using Will.Marketplace.Domain.Bidding;
using Will.Marketplace.Domain.Orders;

namespace Will.Marketplace.Domain.Tests.Bidding;

public sealed class OutcomeTermsTests
{
    private static readonly IReadOnlySet<string> All = OutcomeIndicators.All;
    private static readonly Dictionary<string, StaffFinding> BothMet = new()
    {
        [OutcomeIndicators.Continuity] = new(true, null),
        [OutcomeIndicators.Attendance] = new(true, null),
    };

    [Test]
    public void Evaluate_WhenEveryIndicatorIsMet_ReleasesTheHoldback()
    {
        var verdict = OutcomeTerms.Evaluate(All, [4, 4, 5], BothMet);

        Assert.That(verdict.AverageRatingTenths, Is.EqualTo(43));
        Assert.That(verdict.Outcomes.Select(o => o.Met), Is.All.True);
        Assert.That(verdict.HoldbackReleased, Is.True);
    }

    [Test]
    public void Evaluate_WhenFamiliesRateBelowFour_KeepsTheHoldbackAndSaysWhy()
    {
        var verdict = OutcomeTerms.Evaluate(All, [4, 3], BothMet);

        Assert.That(verdict.AverageRatingTenths, Is.EqualTo(35));
        Assert.That(verdict.HoldbackReleased, Is.False);
        Assert.That(verdict.Outcomes.Single(o => !o.Met).Reason, Does.Contain("3.5"));
    }

    [Test]
    public void Evaluate_WhenNobodyRated_MissesSatisfaction()
    {
        var verdict = OutcomeTerms.Evaluate(new HashSet<string> { OutcomeIndicators.Satisfaction }, [], new Dictionary<string, StaffFinding>());

        Assert.That(verdict.HoldbackReleased, Is.False);
        Assert.That(verdict.Outcomes.Single().Reason, Is.EqualTo("No family rated the period."));
    }

    [Test]
    public void Evaluate_WhenStaffRecordAMiss_KeepsTheHoldbackWithTheirReason()
    {
        var findings = new Dictionary<string, StaffFinding>(BothMet) { [OutcomeIndicators.Attendance] = new(false, "Tre sedute saltate senza preavviso") };

        var verdict = OutcomeTerms.Evaluate(All, [5, 5], findings);

        Assert.That(verdict.HoldbackReleased, Is.False);
        Assert.That(verdict.Outcomes.Single(o => o.Indicator == OutcomeIndicators.Attendance).Reason, Is.EqualTo("Tre sedute saltate senza preavviso"));
    }

    [Test]
    public void Check_FlagsMissingFindingsReasonlessMissesAndForeignIndicators()
    {
        Assert.That(OutcomeTerms.Check(All, new Dictionary<string, StaffFinding> { [OutcomeIndicators.Continuity] = new(true, null) }), Is.EqualTo(VerificationProblem.IndicatorNotVerified));
        Assert.That(OutcomeTerms.Check(All, new Dictionary<string, StaffFinding>(BothMet) { [OutcomeIndicators.Attendance] = new(false, " ") }), Is.EqualTo(VerificationProblem.MissedWithoutReason));
        Assert.That(OutcomeTerms.Check(new HashSet<string> { OutcomeIndicators.Attendance }, BothMet), Is.EqualTo(VerificationProblem.NotAnIndicatorOfTheOrder));
        Assert.That(OutcomeTerms.Check(All, BothMet), Is.EqualTo(VerificationProblem.None));
    }
}
