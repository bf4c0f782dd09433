namespace Connectors.Core.Inventory;

/// <summary>
/// Maps Shopware product numbers to Sitoo SKUs. Identical unless an override says otherwise;
/// comparisons are ordinal.
/// </summary>
public sealed class SkuMapping
{
    private readonly Dictionary<string, string> _toSitoo;
    private readonly Dictionary<string, string> _toShopware;

    private SkuMapping(Dictionary<string, string> toSitoo, Dictionary<string, string> toShopware)
    {
        _toSitoo = toSitoo;
        _toShopware = toShopware;
    }

    /// <summary>The mapping where the Shopware product number is the Sitoo SKU.</summary>
    public static SkuMapping Identity { get; } = new(new(StringComparer.Ordinal), new(StringComparer.Ordinal));

    /// <summary>Identity, except for the given pairs.</summary>
    /// <param name="shopwareToSitoo">Shopware product number → Sitoo SKU; both sides must be unique.</param>
    /// <exception cref="ArgumentException">A number or SKU appears twice.</exception>
    public static SkuMapping WithOverrides(IEnumerable<KeyValuePair<string, string>> shopwareToSitoo)
    {
        ArgumentNullException.ThrowIfNull(shopwareToSitoo);
        var toSitoo = new Dictionary<string, string>(StringComparer.Ordinal);
        var toShopware = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (productNumber, sku) in shopwareToSitoo)
        {
            if (!toSitoo.TryAdd(productNumber, sku) || !toShopware.TryAdd(sku, productNumber))
            {
                throw new ArgumentException($"'{productNumber}' → '{sku}' maps a number or SKU twice.", nameof(shopwareToSitoo));
            }
        }

        return new SkuMapping(toSitoo, toShopware);
    }

    /// <summary>The Sitoo SKU for a Shopware product number.</summary>
    public string ToSitoo(string productNumber) =>
        _toSitoo.TryGetValue(productNumber, out var sku) ? sku : productNumber;

    /// <summary>The Shopware product number for a Sitoo SKU.</summary>
    public string ToShopware(string sitooSku) =>
        _toShopware.TryGetValue(sitooSku, out var number) ? number : sitooSku;
}
