namespace Connectors.Core.Returns;

/// <summary>How returned goods get back into sellable stock.</summary>
public enum RestockRoute
{
    /// <summary>
    /// Through the stock flow only: Sitoo books the return as a warehouse transaction (type 40) and the stock sync
    /// carries it to Shopware. Nothing is written to Shopware for the return itself, so nothing is added twice.
    /// </summary>
    ThroughStockFlow,

    /// <summary>Add the quantity to Shopware directly, for goods that go back to Shopware-owned stock.</summary>
    ShopwareDirect,

    /// <summary>Not restocked (e.g. damaged goods).</summary>
    NotRestocked,
}

/// <summary>The restock decision for one returned line.</summary>
/// <param name="Sku">The SKU.</param>
/// <param name="Quantity">The quantity, positive.</param>
/// <param name="Route">How it re-enters stock.</param>
public sealed record RestockInstruction(string Sku, decimal Quantity, RestockRoute Route);

/// <summary>Decides how each returned line re-enters stock; a decision separate from the refund.</summary>
public interface IRestockPolicy
{
    /// <summary>Decides the restock of one returned item.</summary>
    /// <param name="item">The Sitoo return item.</param>
    /// <param name="line">The refund line it produced.</param>
    /// <returns>The restock instruction.</returns>
    RestockInstruction Decide(SitooReturnItem item, RefundLine line);
}

/// <summary>The default: every returned item re-enters stock through the stock flow only.</summary>
public sealed class StockFlowRestockPolicy : IRestockPolicy
{
    /// <inheritdoc/>
    public RestockInstruction Decide(SitooReturnItem item, RefundLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return new RestockInstruction(line.Sku, line.Quantity, RestockRoute.ThroughStockFlow);
    }
}
