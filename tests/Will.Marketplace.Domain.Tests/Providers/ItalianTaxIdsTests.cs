using Will.Marketplace.Domain.Providers;

namespace Will.Marketplace.Domain.Tests.Providers;

public sealed class ItalianTaxIdsTests
{
    [TestCase("12345678903")]
    [TestCase("00000000000")]
    [TestCase("01114601006")]
    public void IsValidPartitaIva_WithTheRightCheckDigit_IsTrue(string value) => Assert.That(ItalianTaxIds.IsValidPartitaIva(value), Is.True);

    [TestCase("12345678901")]
    [TestCase("1234567890")]
    [TestCase("1234567890A")]
    [TestCase("")]
    [TestCase(null)]
    public void IsValidPartitaIva_WithAWrongCheckDigitOrShape_IsFalse(string? value) => Assert.That(ItalianTaxIds.IsValidPartitaIva(value), Is.False);

    [TestCase("RSSMRA85T10A562S")]
    [TestCase("rssmra85t10a562s")]
    [TestCase("12345678903")]
    public void IsValidCodiceFiscale_ForAPersonOrAnOrganisation_IsTrue(string value) => Assert.That(ItalianTaxIds.IsValidCodiceFiscale(value), Is.True);

    [TestCase("RSSMRA85T10A562T")]
    [TestCase("RSSMRA85T10A562")]
    [TestCase("1SSMRA85T10A562S")]
    [TestCase("12345678901")]
    public void IsValidCodiceFiscale_WithAWrongCheckLetterOrShape_IsFalse(string value) => Assert.That(ItalianTaxIds.IsValidCodiceFiscale(value), Is.False);
}
