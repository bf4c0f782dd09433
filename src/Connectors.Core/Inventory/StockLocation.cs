namespace Connectors.Core.Inventory;

/// <summary>
/// One place that holds stock: a Sitoo warehouse, or Shopware's own product stock.
/// </summary>
/// <remarks>
/// A Sitoo warehouse owned by Shopware is a mirror (typically a virtual warehouse that shows online
/// stock to store staff); it never contributes, or online stock would be counted twice.
/// </remarks>
public sealed record StockLocation
{
    /// <summary>Identifier of Shopware's own stock in a topology.</summary>
    public const string ShopwareLocationId = "shopware";

    private StockLocation(string id, int? sitooWarehouseId, StockOwner owner, bool contributesOnline, decimal safetyBuffer)
    {
        Id = id;
        SitooWarehouseId = sitooWarehouseId;
        Owner = owner;
        ContributesOnline = contributesOnline;
        SafetyBuffer = safetyBuffer;
    }

    /// <summary>Stable identifier: <c>sitoo:{warehouseid}</c> or <see cref="ShopwareLocationId"/>.</summary>
    public string Id { get; }

    /// <summary>The Sitoo <c>warehouseid</c>, or <see langword="null"/> for Shopware's own stock.</summary>
    public int? SitooWarehouseId { get; }

    /// <summary>The system that owns this location's stock.</summary>
    public StockOwner Owner { get; }

    /// <summary>Whether this location's stock counts towards what Shopware sells.</summary>
    public bool ContributesOnline { get; }

    /// <summary>Quantity held back from online sale at this location (e.g. display items, shrinkage).</summary>
    public decimal SafetyBuffer { get; }

    /// <summary>A Sitoo warehouse.</summary>
    /// <param name="warehouseId">The Sitoo <c>warehouseid</c>.</param>
    /// <param name="contributesOnline">Whether its stock is sold online.</param>
    /// <param name="safetyBuffer">Quantity per SKU held back from online sale; not negative.</param>
    /// <param name="owner">
    /// <see cref="StockOwner.Sitoo"/> for a store or DC warehouse; <see cref="StockOwner.Shopware"/> for a
    /// virtual warehouse mirroring Shopware's stock, which cannot contribute.
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException">The buffer is negative.</exception>
    /// <exception cref="ArgumentException">A Shopware-owned mirror is marked as contributing.</exception>
    public static StockLocation SitooWarehouse(
        int warehouseId, bool contributesOnline, decimal safetyBuffer = 0m, StockOwner owner = StockOwner.Sitoo)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(safetyBuffer);
        if (owner == StockOwner.Shopware && contributesOnline)
        {
            throw new ArgumentException(
                $"Sitoo warehouse {warehouseId} mirrors Shopware stock and cannot contribute to it.", nameof(contributesOnline));
        }

        return new StockLocation(
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"sitoo:{warehouseId}"),
            warehouseId,
            owner,
            contributesOnline,
            safetyBuffer);
    }

    /// <summary>
    /// Shopware's own product stock (DC or online warehouse). Its presence in a topology selects
    /// <see cref="StockMode.Contribution"/>.
    /// </summary>
    public static StockLocation ShopwareStock() =>
        new(ShopwareLocationId, null, StockOwner.Shopware, contributesOnline: true, safetyBuffer: 0m);
}
