namespace Will.Marketplace.Domain.Providers;

/// <summary>
/// Italian tax identifiers as the Agenzia delle Entrate defines them: the partita IVA (eleven digits,
/// the last a Luhn-style check digit, also the numeric codice fiscale of an organisation) and a
/// person's sixteen-character codice fiscale with its check letter (omocodia letters accepted).
/// </summary>
public static class ItalianTaxIds
{
    private static readonly int[] OddValues = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];
    private const string Omocodia = "LMNPQRSTUV";

    public static bool IsValidPartitaIva(string? value) =>
        value is { Length: 11 } && value.All(char.IsAsciiDigit) && CheckDigit(value.AsSpan(0, 10)) == value[10] - '0';

    /// <summary>Completes ten digits into a valid partita IVA (for generated demo organisations).</summary>
    public static string WithCheckDigit(string tenDigits) =>
        tenDigits is { Length: 10 } && tenDigits.All(char.IsAsciiDigit)
            ? tenDigits + CheckDigit(tenDigits).ToString(System.Globalization.CultureInfo.InvariantCulture)
            : throw new ArgumentException("Ten digits are needed.", nameof(tenDigits));

    private static int CheckDigit(ReadOnlySpan<char> value)
    {
        var sum = 0;
        for (var i = 0; i < 10; i++)
        {
            var digit = value[i] - '0';
            if (i % 2 == 1)
            {
                digit *= 2;
                digit = digit > 9 ? digit - 9 : digit;
            }

            sum += digit;
        }

        return (10 - (sum % 10)) % 10;
    }

    /// <summary>An organisation's codice fiscale is numeric (as a partita IVA); a person's is sixteen characters.</summary>
    public static bool IsValidCodiceFiscale(string? value)
    {
        if (value is { Length: 11 })
        {
            return IsValidPartitaIva(value);
        }

        if (value is not { Length: 16 })
        {
            return false;
        }

        var code = value.ToUpperInvariant();
        for (var i = 0; i < 15; i++)
        {
            var expectLetter = i is < 6 or 8 or 11 or 15;
            var c = code[i];
            var ok = expectLetter ? char.IsAsciiLetterUpper(c) : char.IsAsciiDigit(c) || Omocodia.Contains(c, StringComparison.Ordinal);
            if (!ok)
            {
                return false;
            }
        }

        var sum = 0;
        for (var i = 0; i < 15; i++)
        {
            var c = code[i];
            var index = char.IsAsciiDigit(c) ? c - '0' : c - 'A';
            sum += i % 2 == 0 ? OddValues[index] : index;
        }

        return code[15] == (char)('A' + (sum % 26));
    }
}
