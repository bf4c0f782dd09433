using System.Text.Json;
using System.Text.Json.Serialization;
using Connectors.Shopware.Internal;
using Connectors.Shopware.Models;
using NodaTime;

namespace Connectors.Shopware.Webhooks;

/// <summary>Who sent a webhook.</summary>
public sealed record ShopwareWebhookSource
{
    /// <summary>Shop URL.</summary>
    public string? Url { get; init; }

    /// <summary>Shop id as registered with the app.</summary>
    public string? ShopId { get; init; }

    /// <summary>App version.</summary>
    public string? AppVersion { get; init; }

    /// <summary>Delivery id; the same across retries, so use it to drop duplicates.</summary>
    public string? EventId { get; init; }
}

/// <summary>One row of an entity-written or entity-deleted event.</summary>
public sealed record ShopwareEntityWrite
{
    /// <summary>Entity name, e.g. <c>product</c>.</summary>
    public string Entity { get; init; } = "";

    /// <summary><c>insert</c>, <c>update</c> or <c>delete</c>.</summary>
    public string? Operation { get; init; }

    /// <summary>The id, or an object of key fields for mapping entities.</summary>
    public JsonElement PrimaryKey { get; init; }

    /// <summary>Fields written; absent on deletes.</summary>
    public IReadOnlyList<string>? UpdatedFields { get; init; }

    /// <summary>Version written, when it was written.</summary>
    public string? VersionId { get; init; }

    /// <summary><see cref="PrimaryKey"/> when it is a plain id.</summary>
    public string? Id => PrimaryKey.ValueKind == JsonValueKind.String ? PrimaryKey.GetString() : null;
}

/// <summary>A parsed Shopware app webhook delivery. Verify the signature over the raw body first.</summary>
public sealed record ShopwareWebhookEvent
{
    // Years 1 to 9999 in Unix seconds: a timestamp outside them is not a date a shop sends.
    private const long MinUnixSeconds = -62_135_596_800;
    private const long MaxUnixSeconds = 253_402_300_799;

    /// <summary>Event name, e.g. <c>product.written</c> or <c>state_enter.order_transaction.state.refunded</c>.</summary>
    public required string EventName { get; init; }

    /// <summary>Sender and delivery id.</summary>
    public required ShopwareWebhookSource Source { get; init; }

    /// <summary>When the shop created the delivery.</summary>
    public Instant? Timestamp { get; init; }

    /// <summary>The raw <c>data.payload</c>.</summary>
    public JsonElement Payload { get; init; }

    /// <summary>Whether this is an entity event (<c>{entity}.written</c> / <c>{entity}.deleted</c>) carrying only keys.</summary>
    public bool IsEntityEvent => Payload.ValueKind == JsonValueKind.Array;

    /// <summary>Parses a delivery body.</summary>
    /// <param name="body">The raw request body.</param>
    /// <exception cref="FormatException">The body is not a Shopware webhook.</exception>
    public static ShopwareWebhookEvent Parse(ReadOnlySpan<byte> body)
    {
        ShopwareWebhookEnvelope? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize(body, ShopwareJsonContext.Default.ShopwareWebhookEnvelope);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"The webhook body is not valid JSON (at {ex.Path ?? "$"}).", ex);
        }

        if (envelope?.Data is not { Event: { Length: > 0 } eventName } data)
        {
            throw new FormatException("The webhook body has no data.event.");
        }

        if (envelope.Timestamp is < MinUnixSeconds or > MaxUnixSeconds)
        {
            throw new FormatException("The webhook timestamp is out of range.");
        }

        return new ShopwareWebhookEvent
        {
            EventName = eventName,
            Source = envelope.Source ?? new ShopwareWebhookSource(),
            Timestamp = envelope.Timestamp is { } seconds ? Instant.FromUnixTimeSeconds(seconds) : null,
            Payload = data.Payload,
        };
    }

    /// <summary>The rows of an entity event; empty for business events.</summary>
    public IReadOnlyList<ShopwareEntityWrite> GetEntityWrites()
        => IsEntityEvent ? Payload.Deserialize(ShopwareJsonContext.Default.ListShopwareEntityWrite) ?? [] : [];

    /// <summary>
    /// The order of a business event (e.g. <c>checkout.order.placed</c>, <c>state_enter.order_transaction.state.refunded</c>),
    /// or <see langword="null"/>. It carries only storefront-visible fields: re-read the order through the Admin API.
    /// </summary>
    public ShopwareOrder? GetOrder()
        => Payload.ValueKind == JsonValueKind.Object && Payload.TryGetProperty("order", out var order) && order.ValueKind == JsonValueKind.Object
            ? order.Deserialize(ShopwareJsonContext.Default.ShopwareOrder)
            : null;
}

internal sealed record ShopwareWebhookEnvelope
{
    public ShopwareWebhookData? Data { get; init; }

    public ShopwareWebhookSource? Source { get; init; }

    public long? Timestamp { get; init; }
}

internal sealed record ShopwareWebhookData
{
    public string? Event { get; init; }

    [JsonPropertyName("payload")]
    public JsonElement Payload { get; init; }
}
