namespace Connectors.Core.Inventory;

/// <summary>How a <see cref="StockWrite"/> sets Shopware's stock.</summary>
public enum StockWriteKind
{
    /// <summary>Write <see cref="StockWrite.Quantity"/> as the stock (projection mode; idempotent).</summary>
    Absolute = 0,

    /// <summary>
    /// Re-read the current stock just before writing and write current + <see cref="StockWrite.Quantity"/>
    /// (contribution mode).
    /// </summary>
    Delta = 1,

    /// <summary>Leave the stock as it is; only <see cref="StockWrite.SetCloseout"/> is written.</summary>
    CloseoutOnly = 2,
}
