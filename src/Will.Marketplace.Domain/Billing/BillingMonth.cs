using System.Globalization;

namespace Will.Marketplace.Domain.Billing;

/// <summary>A monthly billing period, written "yyyy-MM".</summary>
public readonly record struct BillingMonth(int Year, int Month)
{
    public DateOnly FirstDay => new(Year, Month, 1);

    public DateOnly LastDay => FirstDay.AddMonths(1).AddDays(-1);

    public int Days => DateTime.DaysInMonth(Year, Month);

    public BillingMonth Next => Of(FirstDay.AddMonths(1));

    public static BillingMonth Of(DateOnly day) => new(day.Year, day.Month);

    public static bool TryParse(string? text, out BillingMonth month)
    {
        month = default;
        if (text is null || !DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return false;
        }

        month = Of(day);
        return true;
    }

    public override string ToString() => FirstDay.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
