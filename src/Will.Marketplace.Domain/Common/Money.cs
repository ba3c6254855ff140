namespace Will.Marketplace.Domain.Common;

/// <summary>An amount of euro cents. Money never travels as a floating-point number.</summary>
public readonly record struct Money(long Cents) : IComparable<Money>
{
    public static Money Zero => default;

    public static Money FromCents(long cents) => new(cents);

    public static Money operator +(Money a, Money b) => new(checked(a.Cents + b.Cents));

    public static Money operator -(Money a, Money b) => new(checked(a.Cents - b.Cents));

    public static bool operator <(Money a, Money b) => a.Cents < b.Cents;

    public static bool operator >(Money a, Money b) => a.Cents > b.Cents;

    public static bool operator <=(Money a, Money b) => a.Cents <= b.Cents;

    public static bool operator >=(Money a, Money b) => a.Cents >= b.Cents;

    public int CompareTo(Money other) => Cents.CompareTo(other.Cents);

    /// <summary>The sign is written apart: for -50 cents the euro part alone (0) would lose it.</summary>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"EUR {(Cents < 0 ? "-" : "")}{Math.Abs(Cents / 100)}.{Math.Abs(Cents % 100):00}");
}
