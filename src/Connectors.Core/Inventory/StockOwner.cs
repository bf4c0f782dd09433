namespace Connectors.Core.Inventory;

/// <summary>The system whose number is the truth for a location's stock.</summary>
public enum StockOwner
{
    /// <summary>Sitoo owns the stock: it changes only through Sitoo warehouse transactions.</summary>
    Sitoo = 0,

    /// <summary>Shopware owns the stock in its own product <c>stock</c> field.</summary>
    Shopware = 1,
}
