namespace Connectors.Core.Orders;

/// <summary>
/// How many minor-unit digits a currency's amounts carry (2 for EUR, SEK, USD; 0 for JPY; 3 for KWD) and how
/// amounts are rounded to them: half away from zero, the commercial convention.
/// </summary>
public readonly record struct CurrencyPrecision
{
    /// <summary>Creates a precision of <paramref name="minorUnitDigits"/> decimals.</summary>
    /// <param name="minorUnitDigits">Digits after the decimal separator, 0 to 4.</param>
    public CurrencyPrecision(int minorUnitDigits)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(minorUnitDigits);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minorUnitDigits, 4);
        MinorUnitDigits = minorUnitDigits;
    }

    /// <summary>Two decimals (cents), the precision of Sitoo money fields.</summary>
    public static CurrencyPrecision Cents { get; } = new(2);

    /// <summary>Digits after the decimal separator.</summary>
    public int MinorUnitDigits { get; }

    /// <summary>The smallest representable amount, e.g. 0.01.</summary>
    public decimal MinorUnit => 1m / Pow10(MinorUnitDigits);

    /// <summary>Rounds <paramref name="amount"/> to the minor unit, half away from zero.</summary>
    /// <param name="amount">Any amount.</param>
    public decimal Round(decimal amount) => Math.Round(amount, MinorUnitDigits, MidpointRounding.AwayFromZero);

    /// <summary>Rounds <paramref name="amount"/> to the minor unit towards zero.</summary>
    /// <param name="amount">Any amount.</param>
    public decimal Truncate(decimal amount) => Math.Round(amount, MinorUnitDigits, MidpointRounding.ToZero);

    private static decimal Pow10(int digits)
    {
        var result = 1m;
        for (var i = 0; i < digits; i++)
        {
            result *= 10m;
        }

        return result;
    }
}
