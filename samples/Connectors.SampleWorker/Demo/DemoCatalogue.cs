namespace Connectors.SampleWorker.Demo;

/// <summary>The demo's products: what both systems sell, plus the deliberately broken cases.</summary>
internal static class DemoCatalogue
{
    /// <summary>Products in Shopware and Sitoo, stocked in stores and the DC.</summary>
    public static IReadOnlyList<string> Skus { get; } = [.. Enumerable.Range(1, 24).Select(i => $"DEMO-{i:D3}")];

    /// <summary>
    /// The flash sale's products: closeouts with a few units in each store and the DC, sold online and in the stores at
    /// the same time (<see cref="DemoTraffic"/>), so overselling them would show.
    /// </summary>
    public static IReadOnlyList<string> FlashSkus { get; } = ["DEMO-FLASH-1", "DEMO-FLASH-2", "DEMO-FLASH-3"];

    /// <summary>A product Shopware flags as closeout: it must stay in the stock sync.</summary>
    public const string CloseoutSku = "DEMO-CLOSEOUT";

    /// <summary>
    /// Made to order: sellable online at 0 stock on purpose, so the sample's <see cref="MadeToOrderCloseoutPolicy"/> keeps
    /// the closeout check quiet about them.
    /// </summary>
    public static IReadOnlyList<string> MadeToOrderSkus { get; } = ["DEMO-023", "DEMO-024"];

    /// <summary>Sold in stores only, never created in Shopware: a missing product mapping.</summary>
    public const string PosOnlySku = "POS-ONLY-001";

    /// <summary>The non-inventoried service product Sitoo books shipping on.</summary>
    public const string ShippingSku = "SHIPPING";

    /// <summary>Units of each flash-sale product in each store and in the DC when a flash sale starts.</summary>
    public const int FlashUnitsPerLocation = 2;

    /// <summary>Every product both systems know and the connector keeps in step.</summary>
    public static IReadOnlyList<string> SyncedSkus { get; } = [.. Skus, .. FlashSkus, CloseoutSku];

    /// <summary>The VAT rate of every demo product (Swedish VAT, as the stores are in Sweden).</summary>
    public const int VatRate = 25;

    /// <summary>The simulated Sitoo account's product group for 25 %: the catalogue sync maps the rate to it.</summary>
    public const int VatGroup = 2;

    public static decimal PriceOf(string sku) => 99m + (Math.Abs(StringComparer.Ordinal.GetHashCode(sku)) % 40) * 10m;
}
