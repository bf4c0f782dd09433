using Connectors.Core.Inventory;
using NodaTime;

namespace Connectors.Core.Tests.Inventory;

/// <summary>Small builders shared by the stock tests.</summary>
internal static class StockTestData
{
    public static readonly Instant T0 = Instant.FromUtc(2026, 3, 1, 9, 0);

    /// <summary>Two stores (1: buffer 1, 2: no buffer) and a non-contributing back office (3).</summary>
    public static StockTopology Stores(params StockLocation[] extra) => StockTopology.Create(
        [
            StockLocation.SitooWarehouse(1, contributesOnline: true, safetyBuffer: 1m),
            StockLocation.SitooWarehouse(2, contributesOnline: true),
            StockLocation.SitooWarehouse(3, contributesOnline: false),
            .. extra,
        ]);

    public static StockSyncOptions Options(StockTopology topology, CloseoutAction closeout = CloseoutAction.Warn) =>
        new(topology) { Closeout = new FixedCloseoutPolicy(closeout) };

    public static WarehouseTransaction Tx(
        long id, int warehouse, string sku, decimal quantity, decimal levelAfter,
        WarehouseTransactionType type = WarehouseTransactionType.Sale, int minutes = 0) =>
        new(id, warehouse, type, T0.Plus(Duration.FromMinutes(minutes)), [new WarehouseTransactionLine(sku, quantity, levelAfter)]);

    public static SitooStockRow Row(string sku, int warehouse, decimal total, decimal reserved = 0m) =>
        new(sku, new WarehouseStock(warehouse, total, reserved, total - reserved));

    public static readonly IReadOnlyDictionary<string, OnlineDemand> NoDemand = new Dictionary<string, OnlineDemand>();
}
