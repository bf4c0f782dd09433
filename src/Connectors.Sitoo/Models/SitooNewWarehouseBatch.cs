using System.Text.Json.Serialization;

namespace Connectors.Sitoo.Models;

/// <summary>A warehouse batch to open.</summary>
public sealed class SitooNewWarehouseBatch
{
    /// <summary><c>transactiontype</c>: kind of batch; <see cref="SitooTransactionType.StockTaking"/> sets absolute levels.</summary>
    [JsonPropertyName("transactiontype")]
    public required SitooTransactionType TransactionType { get; init; }

    /// <summary><c>emailowner</c>: email of the owner.</summary>
    [JsonPropertyName("emailowner")]
    public string? EmailOwner { get; init; }

    /// <summary><c>comment</c>: free text.</summary>
    [JsonPropertyName("comment")]
    public string? Comment { get; init; }

    /// <summary><c>externalid</c>: external reference, copied to the transaction.</summary>
    [JsonPropertyName("externalid")]
    public string? ExternalId { get; init; }

    /// <summary><c>reasoncode</c>: reason code, copied to the transaction.</summary>
    [JsonPropertyName("reasoncode")]
    public string? ReasonCode { get; init; }
}
