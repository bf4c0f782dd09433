namespace Connectors.Core.Orders;

/// <summary>
/// Splits an amount over weighted parts, exact to the minor unit: every share is rounded towards zero and the
/// remainder goes to the part with the largest weight (the first of equals), so the shares always add up.
/// </summary>
internal static class ProportionalAllocator
{
    /// <summary>Splits <paramref name="total"/> in proportion to <paramref name="weights"/>.</summary>
    /// <param name="total">The amount to split; rounded to <paramref name="precision"/> first.</param>
    /// <param name="weights">Non-negative weights, at least one of them positive.</param>
    /// <param name="precision">The currency precision of the shares.</param>
    /// <returns>One share per weight, in the same order; the shares add up to the rounded total.</returns>
    /// <exception cref="ArgumentException">No weight is positive, or a weight is negative.</exception>
    public static decimal[] Allocate(decimal total, IReadOnlyList<decimal> weights, CurrencyPrecision precision)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var weightSum = 0m;
        var largest = -1;
        for (var i = 0; i < weights.Count; i++)
        {
            if (weights[i] < 0)
            {
                throw new ArgumentException("Weights must not be negative.", nameof(weights));
            }

            weightSum += weights[i];
            if (largest < 0 || weights[i] > weights[largest])
            {
                largest = i;
            }
        }

        if (weightSum <= 0)
        {
            throw new ArgumentException("At least one weight must be positive.", nameof(weights));
        }

        var rounded = precision.Round(total);
        var shares = new decimal[weights.Count];
        var allocated = 0m;
        for (var i = 0; i < weights.Count; i++)
        {
            shares[i] = precision.Truncate(rounded * weights[i] / weightSum);
            allocated += shares[i];
        }

        shares[largest] += rounded - allocated;
        return shares;
    }
}
