using System.Text.Json.Serialization;
using NodaTime;

namespace Connectors.Sitoo.Models;

/// <summary>A warehouse batch: items collected while open and committed as one transaction when closed.</summary>
public sealed class SitooWarehouseBatch
{
    /// <summary><c>warehousebatchid</c>: batch id.</summary>
    [JsonPropertyName("warehousebatchid")]
    public int WarehouseBatchId { get; init; }

    /// <summary><c>warehouseid</c>: warehouse id.</summary>
    [JsonPropertyName("warehouseid")]
    public int WarehouseId { get; init; }

    /// <summary><c>warehousetransactionid</c>: the transaction created when the batch was closed.</summary>
    [JsonPropertyName("warehousetransactionid")]
    public long? WarehouseTransactionId { get; init; }

    /// <summary><c>transactiontype</c>: kind of batch (50 = stocktaking).</summary>
    [JsonPropertyName("transactiontype")]
    public SitooTransactionType? TransactionType { get; init; }

    /// <summary><c>datecreated</c>: when the batch was created.</summary>
    [JsonPropertyName("datecreated")]
    public Instant? DateCreated { get; init; }

    /// <summary><c>warehousebatchstate</c>: open or closed.</summary>
    [JsonPropertyName("warehousebatchstate")]
    public SitooWarehouseBatchState? WarehouseBatchState { get; init; }

    /// <summary><c>emailowner</c>: email of the owner.</summary>
    [JsonPropertyName("emailowner")]
    public string? EmailOwner { get; init; }

    /// <summary><c>comment</c>: free text.</summary>
    [JsonPropertyName("comment")]
    public string? Comment { get; init; }

    /// <summary><c>shipmentid</c>: related shipment.</summary>
    [JsonPropertyName("shipmentid")]
    public long? ShipmentId { get; init; }

    /// <summary><c>externalid</c>: external reference, copied to the transaction.</summary>
    [JsonPropertyName("externalid")]
    public string? ExternalId { get; init; }

    /// <summary><c>reasoncode</c>: reason code, copied to the transaction.</summary>
    [JsonPropertyName("reasoncode")]
    public string? ReasonCode { get; init; }
}
