namespace Connectors.Core.Inventory;

/// <summary>How Shopware's product <c>stock</c> is derived from the topology.</summary>
public enum StockMode
{
    /// <summary>
    /// Sitoo owns every location that sells online; Shopware's stock is written absolutely as
    /// the policy's quantity minus online demand not yet reflected in Sitoo.
    /// </summary>
    Projection = 0,

    /// <summary>
    /// Shopware owns its own (DC) stock; only the change in the stores' contribution is applied
    /// on top of Shopware's current stock.
    /// </summary>
    Contribution = 1,
}
