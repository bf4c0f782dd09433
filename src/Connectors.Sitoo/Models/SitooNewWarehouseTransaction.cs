using System.Text.Json.Serialization;

namespace Connectors.Sitoo.Models;

/// <summary>A stock movement to create in a FIFO warehouse (not allowed for virtual warehouses).</summary>
public sealed class SitooNewWarehouseTransaction
{
    /// <summary><c>warehouseid</c>: warehouse id.</summary>
    [JsonPropertyName("warehouseid")]
    public required int WarehouseId { get; init; }

    /// <summary><c>transactiontype</c>: kind of movement; sales, refund and stocktaking cannot be written.</summary>
    [JsonPropertyName("transactiontype")]
    public required SitooTransactionType TransactionType { get; init; }

    /// <summary><c>description</c>: free text.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary><c>externalid</c>: external reference, e.g. an idempotency key of the caller.</summary>
    [JsonPropertyName("externalid")]
    public string? ExternalId { get; init; }

    /// <summary><c>reasoncode</c>: reason code (see reason codes).</summary>
    [JsonPropertyName("reasoncode")]
    public string? ReasonCode { get; init; }

    /// <summary><c>shipmentid</c>: related shipment.</summary>
    [JsonPropertyName("shipmentid")]
    public long? ShipmentId { get; init; }

    /// <summary><c>items</c>: the SKUs to move.</summary>
    [JsonPropertyName("items")]
    public required IReadOnlyList<SitooNewWarehouseTransactionItem> Items { get; init; }
}
