using System.Buffers;

namespace Connectors.Core.Identity;

/// <summary>Shopware entity ids: 32 lowercase hexadecimal characters without dashes.</summary>
public static class ShopwareIds
{
    private static readonly SearchValues<char> _lowerHex = SearchValues.Create("0123456789abcdef");

    /// <summary>
    /// The deterministic Shopware id of the entity created for <paramref name="key"/>: the version 5 UUID of the
    /// key in <see cref="DeterministicUuid.ConnectorNamespace"/>, formatted the Shopware way.
    /// </summary>
    /// <param name="key">The idempotency key of the fact that causes the entity.</param>
    public static string FromKey(IdempotencyKey key) =>
        Format(DeterministicUuid.Version5(DeterministicUuid.ConnectorNamespace, key.Value));

    /// <summary>Formats a UUID as a Shopware id (<c>"N"</c> format, lower case).</summary>
    /// <param name="uuid">Any UUID.</param>
    public static string Format(Guid uuid) => uuid.ToString("N");

    /// <summary>Whether <paramref name="value"/> is a well-formed Shopware id.</summary>
    /// <param name="value">The text to check.</param>
    public static bool IsValid(string? value) =>
        value is { Length: 32 } && !value.AsSpan().ContainsAnyExcept(_lowerHex);
}
