using System.Text.Json;
using Connectors.Core.Catalogue;
using Connectors.Shopware;
using Connectors.Shopware.Models;

namespace Connectors.Sync.Catalogue;

/// <summary>
/// Reads parent products with their variants, and the tax rates they point at, as the catalogue mapping needs them.
/// Read without <c>sw-inheritance</c>: a variant's null fields are inherited in the mapping itself (ADR 0008).
/// </summary>
internal sealed class ShopwareCatalogueReader(IShopwareAdminClient shopware, IReadOnlyDictionary<string, string> currencyIsoCodes, string? languageId)
{
    private readonly ShopwareRequestContext? _context = string.IsNullOrWhiteSpace(languageId) ? null : new ShopwareRequestContext { LanguageId = languageId };

    /// <summary>The products with these ids and their variants; an id Shopware no longer has is absent.</summary>
    public async Task<IReadOnlyDictionary<string, ShopwareCatalogueProduct>> ReadAsync(IReadOnlyCollection<string> rootIds, CancellationToken cancellationToken)
    {
        var rates = new Dictionary<string, decimal>(StringComparer.Ordinal);
        await foreach (var tax in shopware.Taxes.SearchAllAsync(new ShopwareCriteria(), _context, cancellationToken).ConfigureAwait(false))
        {
            rates[tax.Id] = tax.TaxRate;
        }

        var criteria = new ShopwareCriteria()
            .Filter(ShopwareFilter.Or(ShopwareFilter.EqualsAny("id", rootIds), ShopwareFilter.EqualsAny("parentId", rootIds)))
            .Association("options", options => options.Association("group"));
        var rows = new List<ShopwareProduct>();
        await foreach (var row in shopware.Products.SearchAllAsync(criteria, _context, cancellationToken).ConfigureAwait(false))
        {
            rows.Add(row);
        }

        var variants = rows.Where(row => row.ParentId is not null).ToLookup(row => row.ParentId!, StringComparer.Ordinal);
        return rows.Where(row => row.ParentId is null).ToDictionary(
            root => root.Id,
            root => ToCatalogue(root, rates) with { Variants = [.. variants[root.Id].Select(variant => ToCatalogue(variant, rates))] },
            StringComparer.Ordinal);
    }

    private ShopwareCatalogueProduct ToCatalogue(ShopwareProduct product, Dictionary<string, decimal> rates) => new(product.Id)
    {
        ParentId = product.ParentId,
        ProductNumber = product.ProductNumber,
        Name = product.Name,
        Description = product.Description,
        Active = product.Active,
        Ean = product.Ean,
        ManufacturerId = product.ManufacturerId,
        ManufacturerNumber = product.ManufacturerNumber,
        CategoryIds = product.CategoryIds,
        TaxRate = product.TaxId is { } taxId && rates.TryGetValue(taxId, out var rate) ? rate : null,
        Prices = product.Price is { } prices ? [.. prices.Where(price => currencyIsoCodes.ContainsKey(price.CurrencyId)).Select(ToPrice)] : null,
        CustomFields = CustomFieldsOf(product.CustomFields),
        Options = [.. (product.Options ?? []).Select(option => new ShopwareProductOption(option.Group?.Name ?? "", option.Name ?? ""))],
    };

    private ShopwareCataloguePrice ToPrice(ShopwareProductPrice price) =>
        new(currencyIsoCodes[price.CurrencyId], price.Gross, price.ListPrice?.Gross);

    /// <summary>Custom fields as text (an empty array when none are set); null inherits, as on the product.</summary>
    private static Dictionary<string, string>? CustomFieldsOf(JsonElement? fields) =>
        fields is { ValueKind: JsonValueKind.Object } values
            ? values.EnumerateObject()
                .Where(field => field.Value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Object or JsonValueKind.Array))
                .ToDictionary(field => field.Name, field => field.Value.ValueKind == JsonValueKind.String ? field.Value.GetString()! : field.Value.GetRawText(), StringComparer.Ordinal)
            : null;
}
