namespace Connectors.Core.Inventory;

/// <summary>What applying one warehouse transaction did.</summary>
public enum TransactionOutcomeKind
{
    /// <summary>New fact: the ledger changed.</summary>
    Applied = 0,

    /// <summary>Already applied (a webhook and a poll copy of one fact, or a retry); nothing changed.</summary>
    Duplicate = 1,

    /// <summary>The warehouse is not in the topology; remembered as seen, nothing else changed.</summary>
    UnknownLocation = 2,
}

/// <summary>The outcome for one transaction of a batch.</summary>
/// <param name="TransactionId">The <c>warehousetransactionid</c>.</param>
/// <param name="Kind">What happened.</param>
public readonly record struct TransactionOutcome(long TransactionId, TransactionOutcomeKind Kind);

/// <summary>The coalesced effect of a batch on one SKU.</summary>
/// <param name="Sku">The Shopware product number.</param>
/// <param name="NetQuantity">Sum of the applied lines' quantities.</param>
/// <param name="TransactionCount">How many applied transaction lines touched the SKU.</param>
public readonly record struct SkuStockChange(string Sku, decimal NetQuantity, int TransactionCount);

/// <summary>The result of applying a batch of warehouse transactions.</summary>
/// <param name="Ledger">The new ledger.</param>
/// <param name="Outcomes">One outcome per transaction, in input order.</param>
/// <param name="Changes">One entry per changed SKU, ordered by SKU (ordinal).</param>
public sealed record TransactionBatchResult(
    StockLedger Ledger,
    IReadOnlyList<TransactionOutcome> Outcomes,
    IReadOnlyList<SkuStockChange> Changes);
