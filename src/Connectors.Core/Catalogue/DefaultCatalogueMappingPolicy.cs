using System.Buffers;
using Connectors.Core.Orders;

namespace Connectors.Core.Catalogue;

/// <summary>
/// The default catalogue mapping: every sellable Shopware product (a single product, or each variant of a parent)
/// becomes one Sitoo product keyed by its product number; a parent itself is not sold and is not written. Variants
/// inherit the parent's null fields; prices are gross, to the cent; the VAT rate picks the Sitoo product group.
/// </summary>
/// <param name="options">The Sitoo account's groups, price lists and mapped ids.</param>
public sealed class DefaultCatalogueMappingPolicy(CatalogueMappingOptions options) : ICatalogueMappingPolicy
{
    private static readonly SearchValues<char> _skuCharacters =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_+-/");

    /// <inheritdoc />
    public CatalogueMappingResult Map(ShopwareCatalogueProduct product)
    {
        ArgumentNullException.ThrowIfNull(product);
        var sellable = product.Variants.Count == 0 ? [product] : product.Variants.Select(variant => Inherit(product, variant)).ToList();
        var problems = new List<CatalogueProblem>();
        problems.AddRange(sellable.SelectMany(item => ProblemsOf(item, isVariant: product.Variants.Count > 0)));
        problems.AddRange(sellable
            .Where(item => !string.IsNullOrWhiteSpace(item.ProductNumber))
            .GroupBy(item => item.ProductNumber!, StringComparer.Ordinal)
            .Where(group => group.Count() > 1)
            .SelectMany(group => group.Select(item => new CatalogueProblem(
                CatalogueProblemKind.DuplicateSku, item.Id, item.ProductNumber, $"{group.Count()} variants share the product number {group.Key}."))));
        if (problems.Count > 0)
        {
            return new CatalogueMappingResult([], problems);
        }
        var groupSku = product.Variants.Count == 0 ? null : sellable.Select(item => item.ProductNumber!).Order(StringComparer.Ordinal).First();
        var drafts = sellable.Select(item => Draft(item, groupSku, parentActive: product.Active ?? true))
            .OrderBy(draft => draft.Sku, StringComparer.Ordinal)
            .ToList();
        return new CatalogueMappingResult(drafts, []);
    }

    /// <summary>A variant with the parent's values where its own are null, as Shopware's inheritance reads it.</summary>
    private static ShopwareCatalogueProduct Inherit(ShopwareCatalogueProduct parent, ShopwareCatalogueProduct variant) => variant with
    {
        Name = variant.Name ?? parent.Name,
        Description = variant.Description ?? parent.Description,
        Active = variant.Active ?? parent.Active,
        Ean = variant.Ean ?? parent.Ean,
        ManufacturerId = variant.ManufacturerId ?? parent.ManufacturerId,
        ManufacturerNumber = variant.ManufacturerNumber ?? parent.ManufacturerNumber,
        TaxRate = variant.TaxRate ?? parent.TaxRate,
        Prices = variant.Prices ?? parent.Prices,
        CategoryIds = variant.CategoryIds ?? parent.CategoryIds,
        CustomFields = variant.CustomFields ?? parent.CustomFields,
    };

    private IEnumerable<CatalogueProblem> ProblemsOf(ShopwareCatalogueProduct item, bool isVariant)
    {
        var sku = item.ProductNumber;
        if (string.IsNullOrWhiteSpace(sku))
        {
            yield return new CatalogueProblem(CatalogueProblemKind.MissingProductNumber, item.Id, null, "The product has no product number.");
        }
        else if (sku.AsSpan().ContainsAnyExcept(_skuCharacters))
        {
            yield return new CatalogueProblem(CatalogueProblemKind.InvalidSku, item.Id, sku, $"The product number {sku} has characters a Sitoo SKU cannot hold.");
        }
        foreach (var currency in NeededCurrencies().Where(currency => PriceIn(item, currency) is null))
        {
            yield return new CatalogueProblem(CatalogueProblemKind.MissingPrice, item.Id, sku, $"The product has no price in {currency}.");
        }
        if (item.TaxRate is not { } rate || !options.VatGroupsByRate.ContainsKey(rate))
        {
            yield return new CatalogueProblem(CatalogueProblemKind.UnmappedVatRate, item.Id, sku, $"No Sitoo product group is mapped to the VAT rate {item.TaxRate?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(none)"}.");
        }
        if (isVariant && item.Options.Count == 0)
        {
            yield return new CatalogueProblem(CatalogueProblemKind.VariantWithoutOptions, item.Id, sku, "The variant has no options.");
        }
    }

    private IEnumerable<string> NeededCurrencies() => [options.Currency, .. options.PriceListsByCurrency.Keys.Order(StringComparer.Ordinal)];

    private static ShopwareCataloguePrice? PriceIn(ShopwareCatalogueProduct item, string currency) =>
        item.Prices?.FirstOrDefault(price => string.Equals(price.CurrencyIsoCode, currency, StringComparison.OrdinalIgnoreCase));

    private SitooProductDraft Draft(ShopwareCatalogueProduct item, string? groupSku, bool parentActive)
    {
        var cents = CurrencyPrecision.Cents;
        var price = PriceIn(item, options.Currency)!;
        var categories = (item.CategoryIds ?? [])
            .Where(options.CategoriesById.ContainsKey)
            .Select(id => options.CategoriesById[id])
            .Distinct()
            .ToList();
        return new SitooProductDraft(item.ProductNumber!, item.Id)
        {
            Title = string.IsNullOrWhiteSpace(item.Name) ? item.ProductNumber! : item.Name,
            Description = item.Description,
            MoneyPrice = cents.Round(price.Gross),
            MoneyPriceOrg = price.ListPriceGross is { } list ? cents.Round(list) : null,
            VatId = options.VatGroupsByRate[item.TaxRate!.Value],
            ActivePos = parentActive && (item.Active ?? true),
            Barcode = string.IsNullOrWhiteSpace(item.Ean) ? null : item.Ean,
            SkuManufacturer = item.ManufacturerNumber,
            ManufacturerId = item.ManufacturerId is { } manufacturer && options.ManufacturersById.TryGetValue(manufacturer, out var sitooManufacturer) ? sitooManufacturer : null,
            DefaultCategoryId = categories.Count > 0 ? categories[0] : null,
            Categories = categories,
            VariantGroupSku = groupSku,
            VariantAttributes = [.. item.Options.OrderBy(option => option.Group, StringComparer.Ordinal).Select(option => new SitooVariantValue(option.Group, option.Value))],
            PriceListPrices = [.. options.PriceListsByCurrency.OrderBy(list => list.Key, StringComparer.Ordinal)
                .Select(list => new SitooPriceListPrice(list.Value, list.Key.ToUpperInvariant(), cents.Round(PriceIn(item, list.Key)!.Gross)))],
            CustomFields = (item.CustomFields ?? new Dictionary<string, string>())
                .Where(field => options.CustomFieldSlots.ContainsKey(field.Key))
                .ToDictionary(field => options.CustomFieldSlots[field.Key], field => field.Value),
        };
    }
}
