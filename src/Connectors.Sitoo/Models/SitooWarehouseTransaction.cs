using System.Text.Json.Serialization;
using NodaTime;

namespace Connectors.Sitoo.Models;

/// <summary>A stock movement in one warehouse; ids grow across all warehouses and serve as a read cursor.</summary>
public sealed class SitooWarehouseTransaction
{
    /// <summary><c>warehousetransactionid</c>: transaction id.</summary>
    [JsonPropertyName("warehousetransactionid")]
    public long WarehouseTransactionId { get; init; }

    /// <summary><c>warehouseid</c>: warehouse id.</summary>
    [JsonPropertyName("warehouseid")]
    public int WarehouseId { get; init; }

    /// <summary><c>datecreated</c>: when the transaction was created.</summary>
    [JsonPropertyName("datecreated")]
    public Instant? DateCreated { get; init; }

    /// <summary><c>transactiontype</c>: kind of movement (sale 30, refund 40, stocktaking 50, …).</summary>
    [JsonPropertyName("transactiontype")]
    public SitooTransactionType TransactionType { get; init; }

    /// <summary><c>description</c>: free text.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary><c>orderdeliveryid</c>: the order delivery that caused it (sales and refunds).</summary>
    [JsonPropertyName("orderdeliveryid")]
    public long? OrderDeliveryId { get; init; }

    /// <summary><c>shipmentid</c>: the shipment that caused it.</summary>
    [JsonPropertyName("shipmentid")]
    public long? ShipmentId { get; init; }

    /// <summary><c>externalid</c>: external reference given when it was created.</summary>
    [JsonPropertyName("externalid")]
    public string? ExternalId { get; init; }

    /// <summary><c>reasoncode</c>: reason code given when it was created.</summary>
    [JsonPropertyName("reasoncode")]
    public string? ReasonCode { get; init; }

    /// <summary><c>items</c>: the SKUs moved.</summary>
    [JsonPropertyName("items")]
    public IReadOnlyList<SitooWarehouseTransactionItem>? Items { get; init; }
}
