using System.Globalization;
using Connectors.Sync.State;
using NodaTime;

namespace Connectors.Sync.Catalogue;

/// <summary>
/// The catalogue's work items: one per change of a parent product (or single product), and one per deleted product.
/// The keys name the change, so a webhook and the poll, or a poll re-reading a page, queue it once.
/// </summary>
internal static class CatalogueWork
{
    /// <summary>Writes a product with all its variants to Sitoo; the payload is the Shopware id of the parent (or single product).</summary>
    public const string WriteKind = "catalogue.write";

    /// <summary>Deactivates the Sitoo product of a deleted Shopware product or variant; the payload is its Shopware id.</summary>
    public const string DeactivateKind = "catalogue.deactivate";

    /// <summary>The write of a product as changed at <paramref name="changedAt"/>; one product's items run in order.</summary>
    public static NewWorkItem Write(string rootId, Instant changedAt) => new(
        $"shopware:product:{rootId}:changed:{changedAt.ToUnixTimeTicks().ToString(CultureInfo.InvariantCulture)}",
        WriteKind,
        WorkLane.Background,
        rootId,
        OrderingKey: OrderingKey(rootId));

    /// <summary>The deactivation of a deleted product or variant; Shopware never gives a deleted id back.</summary>
    public static NewWorkItem Deactivate(string productId) => new(
        $"shopware:product:{productId}:deleted", DeactivateKind, WorkLane.Background, productId, OrderingKey: OrderingKey(productId));

    /// <summary>
    /// The SKU a Shopware product or variant is written to Sitoo under, saved before the write: a crash between the Sitoo
    /// write and the commit of its link leaves this the only trace, by which a later deletion still finds the product.
    /// </summary>
    public static string SkuOf(string productId) => "catalogue:sku-of:" + productId;

    /// <summary>The Shopware product a SKU was written from, saved with <see cref="SkuOf"/>, for the deletion sweep.</summary>
    public static string ProductOf(string sku) => "catalogue:product-of:" + sku;

    private static string OrderingKey(string productId) => "catalogue:" + productId;
}
