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

    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"EUR {Cents / 100}.{Math.Abs(Cents % 100):00}");
}
