using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Connectors.Shopware.Webhooks;

/// <summary>Outcome of a webhook signature check.</summary>
public enum ShopwareWebhookVerificationResult
{
    /// <summary>A signature matches one of the secrets (and the timestamp is recent enough, when checked).</summary>
    Valid,

    /// <summary>No signature header was present.</summary>
    MissingSignature,

    /// <summary>No signature matches any secret.</summary>
    InvalidSignature,

    /// <summary>The signature matches but the body's <c>timestamp</c> is missing or outside the tolerance.</summary>
    StaleTimestamp,
}

/// <summary>Secrets and tolerance of webhook verification.</summary>
public sealed class ShopwareWebhookVerifierOptions
{
    /// <summary>Name of the signature header.</summary>
    public const string SignatureHeader = "shopware-shop-signature";

    /// <summary>Name of the header signed with the previous secret while the shop rotates its secret.</summary>
    public const string PreviousSignatureHeader = "shopware-shop-signature-previous";

    /// <summary>The app secret.</summary>
    public string Secret { get; set; } = "";

    /// <summary>The secret before a rotation on our side, accepted until it is removed.</summary>
    public string? PreviousSecret { get; set; }

    /// <summary>When set, rejects deliveries whose body <c>timestamp</c> (Unix seconds) differs from now by more than this.</summary>
    public TimeSpan? TimestampTolerance { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"ShopwareWebhookVerifierOptions {{ Secret = ***, PreviousSecret = {(PreviousSecret is null ? "(not set)" : "***")}, TimestampTolerance = {TimestampTolerance} }}";
}

/// <summary>
/// Verifies <c>shopware-shop-signature</c>: the lowercase hex HMAC-SHA256 of the raw request body keyed with the app secret.
/// Compare before parsing, against the exact bytes received. Thread-safe.
/// </summary>
public sealed class ShopwareWebhookSignatureVerifier
{
    private const int SignatureHexLength = 64;
    private readonly byte[][] _secrets;
    private readonly TimeSpan? _tolerance;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates a verifier.</summary>
    /// <param name="options">Secrets and tolerance.</param>
    /// <param name="timeProvider">Clock for the timestamp check; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    public ShopwareWebhookSignatureVerifier(ShopwareWebhookVerifierOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.Secret, nameof(options));
        _secrets = options.PreviousSecret is { Length: > 0 } previous
            ? [Encoding.UTF8.GetBytes(options.Secret), Encoding.UTF8.GetBytes(previous)]
            : [Encoding.UTF8.GetBytes(options.Secret)];
        _tolerance = options.TimestampTolerance;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Checks a delivery.</summary>
    /// <param name="body">The raw request body.</param>
    /// <param name="signature">Value of <c>shopware-shop-signature</c>.</param>
    /// <param name="previousSignature">Value of <c>shopware-shop-signature-previous</c>, if sent.</param>
    public ShopwareWebhookVerificationResult Verify(ReadOnlySpan<byte> body, string? signature, string? previousSignature = null)
    {
        if (string.IsNullOrEmpty(signature) && string.IsNullOrEmpty(previousSignature))
        {
            return ShopwareWebhookVerificationResult.MissingSignature;
        }

        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        Span<byte> received = stackalloc byte[HMACSHA256.HashSizeInBytes];
        var matched = false;
        foreach (var secret in _secrets)
        {
            HMACSHA256.HashData(secret, body, expected);
            // Evaluate both headers every time so timing does not reveal which one matched.
            matched |= Matches(signature, expected, received);
            matched |= Matches(previousSignature, expected, received);
        }

        if (!matched)
        {
            return ShopwareWebhookVerificationResult.InvalidSignature;
        }

        return _tolerance is { } tolerance && !IsRecent(body, tolerance)
            ? ShopwareWebhookVerificationResult.StaleTimestamp
            : ShopwareWebhookVerificationResult.Valid;
    }

    private static bool Matches(string? signature, ReadOnlySpan<byte> expected, Span<byte> received)
    {
        var hex = signature.AsSpan().Trim();
        if (hex.Length != SignatureHexLength)
        {
            return false;
        }

        return Convert.FromHexString(hex, received, out _, out var written) == System.Buffers.OperationStatus.Done
            && written == received.Length
            && CryptographicOperations.FixedTimeEquals(received, expected);
    }

    private bool IsRecent(ReadOnlySpan<byte> body, TimeSpan tolerance)
    {
        long timestamp;
        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("timestamp", out var value)
                || !value.TryGetInt64(out timestamp))
            {
                return false;
            }
        }
        catch (JsonException)
        {
            return false;
        }

        var now = _timeProvider.GetUtcNow().ToUnixTimeSeconds();
        // Compared in seconds so an absurd timestamp cannot overflow a date.
        return timestamp >= now - (long)tolerance.TotalSeconds && timestamp <= now + (long)tolerance.TotalSeconds;
    }
}
