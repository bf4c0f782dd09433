using System.Text.Json.Serialization;

namespace Connectors.Sitoo.Events;

/// <summary>Payload of <c>order</c> and <c>booking</c> events.</summary>
public sealed class SitooOrderEventData
{
    /// <summary><c>eshop_id</c>: the site.</summary>
    [JsonPropertyName("eshop_id")]
    public int? EshopId { get; init; }

    /// <summary><c>order_id</c>: the order to read.</summary>
    [JsonPropertyName("order_id")]
    public long OrderId { get; init; }

    /// <summary><c>warehouse_id</c>: the order's warehouse, when it has one.</summary>
    [JsonPropertyName("warehouse_id")]
    public int? WarehouseId { get; init; }

    /// <summary><c>order_event_type</c>: <c>add</c>, <c>update</c>, <c>ready-for-pickup</c>, <c>pickup-rejected</c>,
    /// <c>email-receipt</c>, or a value added later.</summary>
    [JsonPropertyName("order_event_type")]
    public string? OrderEventType { get; init; }

    /// <summary><c>order_state_changed</c>: <c>open</c>, <c>closed</c> or <c>cancelled</c> when the state changed.</summary>
    [JsonPropertyName("order_state_changed")]
    public string? OrderStateChanged { get; init; }
}

/// <summary>Payload of <c>order-delivery</c> events. The names of the two state fields were cut off in the
/// documentation copy this SDK was built from and are guesses; the raw payload stays on <see cref="SitooEvent.Data"/>.</summary>
public sealed class SitooOrderDeliveryEventData
{
    /// <summary><c>eshop_id</c>: the site.</summary>
    [JsonPropertyName("eshop_id")]
    public int? EshopId { get; init; }

    /// <summary><c>order_id</c>: the order.</summary>
    [JsonPropertyName("order_id")]
    public long? OrderId { get; init; }

    /// <summary><c>order_delivery_id</c>: the delivery to read.</summary>
    [JsonPropertyName("order_delivery_id")]
    public long? OrderDeliveryId { get; init; }

    /// <summary><c>warehouse_id</c>: the delivering warehouse (may differ from the order's).</summary>
    [JsonPropertyName("warehouse_id")]
    public int? WarehouseId { get; init; }

    /// <summary><c>order_delivery_event_type</c> (guessed name): <c>add</c>, <c>update</c>, ….</summary>
    [JsonPropertyName("order_delivery_event_type")]
    public string? OrderDeliveryEventType { get; init; }

    /// <summary><c>order_delivery_state_changed</c> (guessed name): <c>new</c>, <c>ready-to-ship</c>, <c>in-transit</c>,
    /// <c>arrived</c>, <c>ready-for-pickup</c>, <c>delivered</c> or <c>cancelled</c>.</summary>
    [JsonPropertyName("order_delivery_state_changed")]
    public string? OrderDeliveryStateChanged { get; init; }
}

/// <summary>Payload of <c>warehouse-transaction</c> events. Sitoo does not document these fields; the names
/// follow the other events and are guesses. When they are missing, poll transactions by id cursor.</summary>
public sealed class SitooWarehouseTransactionEventData
{
    /// <summary><c>eshop_id</c>: the site.</summary>
    [JsonPropertyName("eshop_id")]
    public int? EshopId { get; init; }

    /// <summary><c>warehouse_id</c>: the warehouse.</summary>
    [JsonPropertyName("warehouse_id")]
    public int? WarehouseId { get; init; }

    /// <summary><c>warehouse_transaction_id</c>: the transaction to read.</summary>
    [JsonPropertyName("warehouse_transaction_id")]
    public long? WarehouseTransactionId { get; init; }
}

/// <summary>Payload of <c>z-report</c> events. Sitoo does not document these fields; the names are guesses,
/// and the raw payload stays on <see cref="SitooEvent.Data"/>.</summary>
public sealed class SitooZReportEventData
{
    /// <summary><c>eshop_id</c>: the site.</summary>
    [JsonPropertyName("eshop_id")]
    public int? EshopId { get; init; }

    /// <summary><c>register_id</c>: the cash register.</summary>
    [JsonPropertyName("register_id")]
    public string? RegisterId { get; init; }

    /// <summary><c>zreport_id</c>: the Z-report.</summary>
    [JsonPropertyName("zreport_id")]
    public long? ZReportId { get; init; }
}
