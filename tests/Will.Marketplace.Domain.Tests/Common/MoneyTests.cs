using Will.Marketplace.Domain.Common;

namespace Will.Marketplace.Domain.Tests.Common;

public sealed class MoneyTests
{
    [Test]
    public void Addition_WhenAddingTwoAmounts_AddsTheirCents()
    {
        var sum = Money.FromCents(1_250) + Money.FromCents(375);

        Assert.That(sum, Is.EqualTo(Money.FromCents(1_625)));
    }

    [Test]
    public void Subtraction_WhenTakingMoreThanThereIs_GoesNegative()
    {
        var difference = Money.FromCents(500) - Money.FromCents(750);

        Assert.That(difference.Cents, Is.EqualTo(-250));
    }

    [Test]
    public void Addition_WhenTheSumOverflows_ThrowsInsteadOfWrapping()
    {
        var almostAll = Money.FromCents(long.MaxValue);

        Assert.That(() => almostAll + Money.FromCents(1), Throws.InstanceOf<OverflowException>());
    }

    [Test]
    public void Zero_WhenCompared_IsTheDefaultAndBelowAnyPositiveAmount()
    {
        var cent = Money.FromCents(1);

        Assert.That(Money.Zero, Is.EqualTo(default(Money)));
        Assert.That(Money.Zero < cent, Is.True);
        Assert.That(cent >= Money.Zero, Is.True);
        Assert.That(cent <= Money.FromCents(1), Is.True);
        Assert.That(Money.Zero > cent, Is.False);
    }

    [Test]
    public void CompareTo_WhenSorting_OrdersByCents()
    {
        var amounts = new[] { Money.FromCents(300), Money.FromCents(-5), Money.FromCents(20) };

        var sorted = amounts.Order().ToArray();

        Assert.That(sorted, Is.EqualTo(new[] { Money.FromCents(-5), Money.FromCents(20), Money.FromCents(300) }));
    }

    [TestCase(0, "EUR 0.00")]
    [TestCase(5, "EUR 0.05")]
    [TestCase(1_600, "EUR 16.00")]
    [TestCase(123_456, "EUR 1234.56")]
    [TestCase(-150, "EUR -1.50")]
    [TestCase(-50, "EUR -0.50")]
    [TestCase(-7, "EUR -0.07")]
    [TestCase(long.MinValue, "EUR -92233720368547758.08")]
    public void ToString_WhenFormatted_ShowsEurosWithTwoDigitCents(long cents, string expected)
    {
        var text = Money.FromCents(cents).ToString();

        Assert.That(text, Is.EqualTo(expected));
    }
}
