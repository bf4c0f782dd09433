namespace Connectors.Core.Inventory;

/// <summary>
/// Sitoo <c>transactiontype</c> of a warehouse transaction. Values other than these are kept as they are
/// and applied like any other movement.
/// </summary>
public enum WarehouseTransactionType
{
    /// <summary>10: inbound adjustment (manual in / move in).</summary>
    ManualIn = 10,

    /// <summary>20: outbound adjustment (manual out / move out).</summary>
    ManualOut = 20,

    /// <summary>30: a sale, created by an order delivery; negative quantities.</summary>
    Sale = 30,

    /// <summary>40: a refund that returns goods to stock; positive quantities.</summary>
    Refund = 40,

    /// <summary>50: a stocktaking; the counted level replaces the previous one.</summary>
    Stocktaking = 50,
}
