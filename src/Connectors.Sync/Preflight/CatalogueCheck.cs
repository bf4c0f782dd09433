using Connectors.Core.Inventory;
using Connectors.Shopware;
using Connectors.Sitoo;
using Connectors.Sync.Reconciliation;
using Connectors.Sync.Stock;
using NodaTime;

namespace Connectors.Sync.Preflight;

/// <summary>
/// Reads both catalogues once and compares them: the SKUs in one system only, and the products the shop would keep
/// selling at stock 0 because they are not closeout.
/// </summary>
internal sealed class CatalogueCheck(
    IShopwareAdminClient shopware, ISitooClient sitoo, StockSyncOptions stock, StockIntakeSettings intake, IClock clock) : IPreflightCheck
{
    public const string Overlap = "SKU overlap";
    public const string Closeout = "Closeout";
    private const int Examples = 5;

    public string Name => Overlap;

    public PreflightSystems Proves => PreflightSystems.None;

    public PreflightSystems Needs => PreflightSystems.Shopware | PreflightSystems.Sitoo;

    public async Task<IReadOnlyList<PreflightFinding>> RunAsync(CancellationToken cancellationToken)
    {
        var shop = await new ShopwareStockReader(shopware).ReadAsync(clock.GetCurrentInstant(), null, cancellationToken).ConfigureAwait(false);
        var sitooSkus = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var product in sitoo.Products.ListAllAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (!string.IsNullOrEmpty(product.Sku) && !intake.ServiceSkus.Contains(product.Sku))
            {
                sitooSkus.Add(product.Sku);
            }
        }

        var products = shop.Snapshot.Products;
        var shopOnly = products.Keys.Where(n => !sitooSkus.Contains(stock.Topology.Skus.ToSitoo(n))).Order(StringComparer.Ordinal).ToList();
        var shopSkus = products.Keys.Select(stock.Topology.Skus.ToSitoo).ToHashSet(StringComparer.Ordinal);
        var sitooOnly = sitooSkus.Where(s => !shopSkus.Contains(s)).Order(StringComparer.Ordinal).ToList();
        var shared = products.Where(p => sitooSkus.Contains(stock.Topology.Skus.ToSitoo(p.Key))).ToList();
        var notCloseout = shared.Where(p => !p.Value.IsCloseout && p.Value.Active).Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
        return [SkuOverlap(products.Count, sitooSkus.Count, shared.Count, shopOnly, sitooOnly), CloseoutFinding(shared.Count, notCloseout)];
    }

    private PreflightFinding SkuOverlap(int shopCount, int sitooCount, int shared, List<string> shopOnly, List<string> sitooOnly)
    {
        var counts = $"{shopCount} Shopware products, {sitooCount} Sitoo products, {shared} in both.";
        if (shopOnly.Count == 0 && sitooOnly.Count == 0)
        {
            return PreflightFinding.Ok(Overlap, counts + " Every product is in both systems.");
        }

        var parts = new List<string>();
        if (shopOnly.Count > 0)
        {
            var effect = stock.Topology.Mode == StockMode.Projection ? "their stock is left as it is, unmanaged" : "they sell only Shopware's own stock";
            parts.Add($"{shopOnly.Count} only in Shopware ({effect}), e.g. {Sample(shopOnly)}");
        }

        if (sitooOnly.Count > 0)
        {
            parts.Add($"{sitooOnly.Count} only in Sitoo (sold in stores only; stock they have for online sale is reported as drift), e.g. {Sample(sitooOnly)}");
        }

        return PreflightFinding.Warning(
            Overlap,
            $"{counts} {string.Join("; ", parts)}.",
            "Create the missing products with the same SKU (the Shopware product number), or map numbers that differ in "
            + "Connectors:Sync:Stock:SkuOverrides. Products meant for one channel only can stay as they are.");
    }

    // The engine's closeout policy decides per product, so a policy the integrator replaced is judged as the engine will apply it.
    private PreflightFinding CloseoutFinding(int shared, List<string> notCloseout)
    {
        var decided = notCloseout.GroupBy(stock.Closeout.Decide).ToDictionary(g => g.Key, g => g.ToList());
        var warned = decided.GetValueOrDefault(CloseoutAction.Warn) ?? [];
        var handled = new List<string>();
        if (decided.GetValueOrDefault(CloseoutAction.Force) is { } forced)
        {
            handled.Add($"{forced.Count} not closeout that the connector makes closeout (Connectors:Sync:Stock:Closeout = Force)");
        }

        if (decided.GetValueOrDefault(CloseoutAction.Ignore) is { } ignored)
        {
            handled.Add($"{ignored.Count} not closeout by choice, backorders intended (Connectors:Sync:Stock:Closeout = Ignore)");
        }

        var rest = handled.Count > 0 ? $" Of the others, {string.Join("; ", handled)}." : "";
        if (warned.Count == 0)
        {
            return PreflightFinding.Ok(Closeout, $"None of the {shared} active products in both systems is sold at stock 0 unintended.{rest}");
        }

        return PreflightFinding.Warning(
            Closeout,
            $"{warned.Count} of {shared} active products in both systems are not closeout, so the shop takes orders for them at stock 0, e.g. {Sample(warned)}.{rest}",
            "Set isCloseout (\"Clearance sale\") on products that must not be sold beyond the stores' stock, or let the connector do it with "
            + "Connectors:Sync:Stock:Closeout = Force; set Ignore if backorders are intended.");
    }

    private static string Sample(List<string> values) =>
        string.Join(", ", values.Take(Examples)) + (values.Count > Examples ? $" and {values.Count - Examples} more" : "");
}
