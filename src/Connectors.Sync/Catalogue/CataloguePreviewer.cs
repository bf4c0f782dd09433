using System.Globalization;
using System.Text;
using Connectors.Core.Catalogue;
using Connectors.Shopware;

namespace Connectors.Sync.Catalogue;

/// <summary>
/// A dry run of the catalogue sync: reads a Shopware product with its variants and maps it with the configured policy,
/// showing the Sitoo products it would become (or the problems that stop it). Nothing is written anywhere.
/// </summary>
/// <remarks>Resolve it from the service provider after <c>AddShopwareSitooConnector</c>.</remarks>
public sealed class CataloguePreviewer
{
    private readonly IShopwareAdminClient _shopware;
    private readonly ShopwareCatalogueReader _reader;
    private readonly ICatalogueMappingPolicy _policy;

    internal CataloguePreviewer(IShopwareAdminClient shopware, ShopwareCatalogueReader reader, ICatalogueMappingPolicy policy)
    {
        _shopware = shopware;
        _reader = reader;
        _policy = policy;
    }

    /// <summary>Maps the product that carries a product number: a single product, or a variant's whole parent.</summary>
    /// <param name="productNumber">A Shopware product number (a variant's maps its parent with every variant).</param>
    /// <param name="cancellationToken">Cancels the Shopware reads.</param>
    /// <returns>The Sitoo products or the problems, or <see langword="null"/> when no product has the number.</returns>
    public async Task<CatalogueMappingResult?> PreviewAsync(string productNumber, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(productNumber);
        var criteria = new ShopwareCriteria().Filter(ShopwareFilter.EqualTo("productNumber", productNumber)).Limit(1).Include("product", "id", "parentId");
        var found = (await _shopware.Products.SearchAsync(criteria, cancellationToken: cancellationToken).ConfigureAwait(false)).Items;
        if (found.Count == 0)
        {
            return null;
        }

        var rootId = found[0].ParentId ?? found[0].Id;
        var products = await _reader.ReadAsync([rootId], cancellationToken).ConfigureAwait(false);
        return products.TryGetValue(rootId, out var product) ? _policy.Map(product) : null;
    }

    /// <summary>The preview as plain text: one block per Sitoo product with the fields written, or one line per problem.</summary>
    /// <param name="result">A preview.</param>
    public static string ToText(CatalogueMappingResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = new StringBuilder();
        foreach (var problem in result.Problems)
        {
            text.Append(CultureInfo.InvariantCulture, $"problem {problem.Kind} ({problem.Sku ?? problem.ProductId}): {problem.Detail}\n");
        }

        foreach (var draft in result.Products)
        {
            text.Append(CultureInfo.InvariantCulture, $"sku {draft.Sku}\n  title {draft.Title}\n  moneyprice {draft.MoneyPrice:0.00}\n");
            text.Append(CultureInfo.InvariantCulture, $"  moneypriceorg {draft.MoneyPriceOrg ?? 0m:0.00}\n  vatid {draft.VatId}\n  activepos {draft.ActivePos.ToString().ToLowerInvariant()}\n");
            text.Append(CultureInfo.InvariantCulture, $"  barcode {draft.Barcode ?? ""}\n");
            if (draft.VariantGroupSku is { } main)
            {
                var values = string.Join(", ", draft.VariantAttributes.Select(value => $"{value.Name}={value.Value}"));
                text.Append(CultureInfo.InvariantCulture, $"  variant of {main}: {values}\n");
            }

            foreach (var price in draft.PriceListPrices)
            {
                text.Append(CultureInfo.InvariantCulture, $"  price list {price.PriceListId} ({price.CurrencyIsoCode}) {price.MoneyPrice:0.00}\n");
            }
        }

        return text.ToString();
    }
}
