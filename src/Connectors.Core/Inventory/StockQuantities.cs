namespace Connectors.Core.Inventory;

/// <summary>Shared arithmetic between Sitoo's decimal quantities and Shopware's integer stock.</summary>
internal static class StockQuantities
{
    /// <summary>Shopware sells whole units: round down, and stay inside <see cref="int"/>.</summary>
    public static int ToShopwareStock(decimal quantity) =>
        (int)decimal.Floor(Math.Clamp(quantity, int.MinValue, int.MaxValue));

    /// <summary>Projection target: the online quantity minus demand Shopware already deducted.</summary>
    public static int ProjectedStock(decimal onlineQuantity, decimal pendingDemand) =>
        ToShopwareStock(onlineQuantity - pendingDemand);
}
