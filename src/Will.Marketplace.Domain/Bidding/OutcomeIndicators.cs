namespace Will.Marketplace.Domain.Bidding;

/// <summary>The outcome indicators an order can be paid on (PRODUCT.md, outcome-based pay).</summary>
public static class OutcomeIndicators
{
    public const string Satisfaction = "family-satisfaction";
    public const string Continuity = "carer-continuity";
    public const string Attendance = "attendance";

    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal) { Satisfaction, Continuity, Attendance };
}
