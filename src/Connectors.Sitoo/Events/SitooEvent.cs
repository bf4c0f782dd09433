using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Connectors.Sitoo.Serialization;
using NodaTime;

namespace Connectors.Sitoo.Events;

/// <summary>One event of an Events SPI delivery. Events are notifications: they carry ids, and the resource
/// is read through the REST API. Duplicates happen, so handle them idempotently by <see cref="EventId"/>.</summary>
public sealed class SitooEvent
{
    /// <summary><c>event_id</c>: unique id of the event; the key for de-duplication.</summary>
    [JsonPropertyName("event_id")]
    public string EventId { get; init; } = string.Empty;

    /// <summary><c>event_type</c>: what happened; unknown types are kept.</summary>
    [JsonPropertyName("event_type")]
    [JsonConverter(typeof(SitooEventTypeConverter))]
    public SitooEventType EventType { get; init; }

    /// <summary><c>event_date</c>: when it happened.</summary>
    [JsonPropertyName("event_date")]
    public Instant? EventDate { get; init; }

    /// <summary><c>account_id</c>: the Sitoo account.</summary>
    [JsonPropertyName("account_id")]
    public int? AccountId { get; init; }

    /// <summary><c>data</c>: the event's payload as sent; use the <c>TryGet…Data</c> methods for typed access.</summary>
    [JsonPropertyName("data")]
    public JsonElement? Data { get; init; }

    /// <summary>Reads <see cref="Data"/> of an <c>order</c> or <c>booking</c> event.</summary>
    /// <param name="data">The payload, or null when the event is of another type.</param>
    /// <returns>Whether the event is an order or booking event with a payload.</returns>
    public bool TryGetOrderData([NotNullWhen(true)] out SitooOrderEventData? data) =>
        TryRead(EventType == SitooEventType.Order || EventType == SitooEventType.Booking, SitooJsonContext.Default.SitooOrderEventData, out data);

    /// <summary>Reads <see cref="Data"/> of an <c>order-delivery</c> event.</summary>
    /// <param name="data">The payload, or null when the event is of another type.</param>
    /// <returns>Whether the event is an order-delivery event with a payload.</returns>
    public bool TryGetOrderDeliveryData([NotNullWhen(true)] out SitooOrderDeliveryEventData? data) =>
        TryRead(EventType == SitooEventType.OrderDelivery, SitooJsonContext.Default.SitooOrderDeliveryEventData, out data);

    /// <summary>Reads <see cref="Data"/> of a <c>warehouse-transaction</c> event.</summary>
    /// <param name="data">The payload, or null when the event is of another type.</param>
    /// <returns>Whether the event is a warehouse-transaction event with a payload.</returns>
    public bool TryGetWarehouseTransactionData([NotNullWhen(true)] out SitooWarehouseTransactionEventData? data) =>
        TryRead(EventType == SitooEventType.WarehouseTransaction, SitooJsonContext.Default.SitooWarehouseTransactionEventData, out data);

    /// <summary>Reads <see cref="Data"/> of a <c>z-report</c> event.</summary>
    /// <param name="data">The payload, or null when the event is of another type.</param>
    /// <returns>Whether the event is a z-report event with a payload.</returns>
    public bool TryGetZReportData([NotNullWhen(true)] out SitooZReportEventData? data) =>
        TryRead(EventType == SitooEventType.ZReport, SitooJsonContext.Default.SitooZReportEventData, out data);

    private bool TryRead<T>(bool matches, JsonTypeInfo<T> typeInfo, [NotNullWhen(true)] out T? data)
        where T : class
    {
        data = matches && Data is { ValueKind: JsonValueKind.Object } payload ? payload.Deserialize(typeInfo) : null;
        return data is not null;
    }
}
