namespace Connectors.Core.Reconciliation;

/// <summary>Why Shopware's stock and the Sitoo pool disagree.</summary>
public enum DifferenceClass
{
    /// <summary>Shopware's stock is not what the source says; the reconciliation's write heals it.</summary>
    Drift = 0,

    /// <summary>Shopware is lower than the Sitoo pool by online orders Sitoo has not delivered yet: expected.</summary>
    PendingDemand = 1,

    /// <summary>
    /// Projection mode: a Shopware product has no stock row at any Sitoo location (and, as the engine reads it, no
    /// product in Sitoo's catalogue either); left unwritten. A product Sitoo knows but holds nowhere has stock 0 instead.
    /// </summary>
    MissingInSitoo = 2,

    /// <summary>A SKU with stock for online sale in Sitoo has no Shopware product.</summary>
    MissingInShopware = 3,

    /// <summary>Store-stocked, not closeout and at or below 0: Shopware keeps selling what no store has.</summary>
    SellableAtZero = 4,

    /// <summary>Store-stocked and not closeout; the closeout policy forces <c>isCloseout = true</c>.</summary>
    CloseoutForced = 5,

    /// <summary>Stores have stock for online sale but the Shopware product is inactive.</summary>
    NotSellableOnline = 6,

    /// <summary>Shopware's stock is (or stays after the write) below 0: oversold.</summary>
    NegativeStock = 7,

    /// <summary>
    /// Shopware differs while a change is on its way (a Sitoo sale not applied yet, a stock write pending): expected for a
    /// moment, not drift; the stock writer settles it.
    /// </summary>
    InFlight = 8,
}
