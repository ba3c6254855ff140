using Will.Marketplace.Domain.Bidding;

namespace Will.Marketplace.Domain.Orders;

/// <summary>One indicator's verdict for a billing period, with the reason when it was missed.</summary>
public sealed record IndicatorOutcome(string Indicator, bool Met, string? Reason);

/// <summary>What staff recorded for an indicator they verify themselves (continuity, attendance).</summary>
public sealed record StaffFinding(bool Met, string? Reason);

/// <summary>A period's verification: each indicator's verdict and whether the holdback is released.</summary>
public sealed record PeriodVerdict(IReadOnlyList<IndicatorOutcome> Outcomes, int? AverageRatingTenths, int Ratings)
{
    /// <summary>Every indicator met: the period's holdback goes to the provider; otherwise it is kept.</summary>
    public bool HoldbackReleased => Outcomes.All(o => o.Met);
}

/// <summary>Why a verification cannot be recorded as given.</summary>
public enum VerificationProblem
{
    None,
    IndicatorNotVerified,
    MissedWithoutReason,
    NotAnIndicatorOfTheOrder,
}

/// <summary>
/// Outcome-based pay, per billing period. Family satisfaction is measured, not declared: the
/// average of the families' ratings (1–5) must reach 4.0, and a period nobody rated is missed for
/// that reason. Continuity of the carer and attendance are verified by municipal staff, and a
/// missed indicator needs a written reason. All indicators met release the period's holdback.
/// </summary>
public static class OutcomeTerms
{
    public const int SatisfactionTargetTenths = 40;

    public static VerificationProblem Check(IReadOnlySet<string> committed, IReadOnlyDictionary<string, StaffFinding> findings)
    {
        if (findings.Keys.Any(k => !committed.Contains(k) || k == OutcomeIndicators.Satisfaction))
        {
            return VerificationProblem.NotAnIndicatorOfTheOrder;
        }

        if (committed.Any(c => c != OutcomeIndicators.Satisfaction && !findings.ContainsKey(c)))
        {
            return VerificationProblem.IndicatorNotVerified;
        }

        return findings.Values.Any(f => !f.Met && string.IsNullOrWhiteSpace(f.Reason))
            ? VerificationProblem.MissedWithoutReason
            : VerificationProblem.None;
    }

    public static PeriodVerdict Evaluate(IReadOnlySet<string> committed, IReadOnlyList<int> ratings, IReadOnlyDictionary<string, StaffFinding> findings)
    {
        var problem = Check(committed, findings);
        if (problem != VerificationProblem.None)
        {
            throw new ArgumentException($"The verification is incomplete: {problem}.", nameof(findings));
        }

        // Tenths, rounded half up, in integers: 4, 4, 5 → 43.
        int? average = ratings.Count == 0 ? null : (int)(((ratings.Sum() * 20L) + ratings.Count) / (2L * ratings.Count));
        var outcomes = committed.Order(StringComparer.Ordinal).Select(indicator => indicator == OutcomeIndicators.Satisfaction
            ? average is null
                ? new IndicatorOutcome(indicator, false, "No family rated the period.")
                : new IndicatorOutcome(indicator, average >= SatisfactionTargetTenths, average >= SatisfactionTargetTenths ? null : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Average rating {average / 10.0:0.0} of 5, below 4.0."))
            : new IndicatorOutcome(indicator, findings[indicator].Met, findings[indicator].Met ? null : findings[indicator].Reason!.Trim())).ToList();
        return new PeriodVerdict(outcomes, average, ratings.Count);
    }
}
