using NodaTime;

namespace Connectors.Core.Inventory;

/// <summary>A Sitoo warehouse transaction: the fact that stock moved in one warehouse.</summary>
/// <param name="TransactionId">The <c>warehousetransactionid</c>; global and ascending across warehouses.</param>
/// <param name="WarehouseId">The warehouse whose stock moved.</param>
/// <param name="Type">Sale, refund, stocktaking, manual in/out, or a type this library does not name.</param>
/// <param name="CreatedAt">When Sitoo recorded it (<c>datecreated</c>).</param>
/// <param name="Lines">One line per SKU.</param>
public sealed record WarehouseTransaction(
    long TransactionId,
    int WarehouseId,
    WarehouseTransactionType Type,
    Instant CreatedAt,
    IReadOnlyList<WarehouseTransactionLine> Lines)
{
    /// <summary>
    /// The Sitoo order delivery that moved the stock (<c>orderdeliveryid</c>; sales and refunds), or
    /// <see langword="null"/>. A delivery of an exported online order takes that order's units out of the online demand.
    /// </summary>
    public long? OrderDeliveryId { get; init; }
}

/// <summary>One SKU's movement in a warehouse transaction.</summary>
/// <param name="Sku">The Sitoo SKU.</param>
/// <param name="Quantity">The signed change (<c>decimalquantity</c>).</param>
/// <param name="LevelAfter">
/// The on-hand level after this transaction (<c>decimaltotal</c>). The ledger keeps the level of the
/// newest transaction per warehouse and SKU, so duplicates and out-of-order deliveries cannot skew it.
/// </param>
public readonly record struct WarehouseTransactionLine(string Sku, decimal Quantity, decimal LevelAfter);
