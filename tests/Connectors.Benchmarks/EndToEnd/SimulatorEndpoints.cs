namespace Connectors.Benchmarks.EndToEnd;

/// <summary>Where the connector finds both simulators and how it signs in: all it needs to know of them.</summary>
/// <param name="ShopwareAddress">The Shopware simulator's loopback address.</param>
/// <param name="ShopwareClientId">The integration's client id.</param>
/// <param name="ShopwareClientSecret">The integration's client secret.</param>
/// <param name="SitooAddress">The Sitoo simulator's loopback address.</param>
/// <param name="SitooAccountId">The Sitoo account.</param>
/// <param name="SitooSiteId">The Sitoo e-shop site.</param>
/// <param name="SitooApiId">The Sitoo API user.</param>
/// <param name="SitooPassword">The Sitoo API password.</param>
/// <param name="WarehouseIds">The stores' warehouses, each a stock location.</param>
/// <param name="SkuByProductId">The Shopware product ids, to name the stock writes' rows.</param>
internal sealed record SimulatorEndpoints(
    Uri ShopwareAddress,
    string ShopwareClientId,
    string ShopwareClientSecret,
    Uri SitooAddress,
    int SitooAccountId,
    int SitooSiteId,
    string SitooApiId,
    string SitooPassword,
    IReadOnlyList<int> WarehouseIds,
    IReadOnlyDictionary<string, string> SkuByProductId);
