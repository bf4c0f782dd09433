namespace Connectors.Core.Catalogue;

/// <summary>The Sitoo product (one per SKU; every variant is a product of its own) a Shopware product maps to.</summary>
/// <param name="Sku">The SKU, the Shopware product number.</param>
/// <param name="SourceProductId">The Shopware product (or variant) id it came from.</param>
public sealed record SitooProductDraft(string Sku, string SourceProductId)
{
    /// <summary><c>title</c>.</summary>
    public string Title { get; init; } = string.Empty;

    /// <summary><c>description</c>.</summary>
    public string? Description { get; init; }

    /// <summary><c>moneyprice</c>: the gross price in the catalogue currency, to the cent (default price list).</summary>
    public decimal MoneyPrice { get; init; }

    /// <summary><c>moneypriceorg</c>: the recommended price, from Shopware's list price.</summary>
    public decimal? MoneyPriceOrg { get; init; }

    /// <summary><c>vatid</c>: the Sitoo product group carrying the VAT rate.</summary>
    public int VatId { get; init; }

    /// <summary><c>activepos</c>: sellable in the POS.</summary>
    public bool ActivePos { get; init; }

    /// <summary><c>barcode</c>.</summary>
    public string? Barcode { get; init; }

    /// <summary><c>skumanufacturer</c>.</summary>
    public string? SkuManufacturer { get; init; }

    /// <summary><c>manufacturerid</c>, where the Shopware manufacturer is mapped.</summary>
    public int? ManufacturerId { get; init; }

    /// <summary><c>defaultcategoryid</c>: the first mapped category.</summary>
    public int? DefaultCategoryId { get; init; }

    /// <summary><c>categories</c>: the mapped categories, in Shopware's order.</summary>
    public IReadOnlyList<int> Categories { get; init; } = [];

    /// <summary>The SKU of the variant group's main variant; null on a single product.</summary>
    public string? VariantGroupSku { get; init; }

    /// <summary><c>variant</c>: the variant's attributes, ordered by group name.</summary>
    public IReadOnlyList<SitooVariantValue> VariantAttributes { get; init; } = [];

    /// <summary>Prices on further Sitoo price lists (other currencies).</summary>
    public IReadOnlyList<SitooPriceListPrice> PriceListPrices { get; init; } = [];

    /// <summary><c>custom1</c> … <c>custom5</c>: mapped custom fields by slot number.</summary>
    public IReadOnlyDictionary<int, string> CustomFields { get; init; } = new Dictionary<int, string>();
}

/// <summary>One variant value on a Sitoo product (<c>{"name":"Colour","value":"Red"}</c>).</summary>
/// <param name="Name">The attribute's name.</param>
/// <param name="Value">The attribute's value.</param>
public sealed record SitooVariantValue(string Name, string Value);

/// <summary>A product's price on a Sitoo price list (<c>pricelistitems</c>).</summary>
/// <param name="PriceListId">The Sitoo price list.</param>
/// <param name="CurrencyIsoCode">The currency the price is in.</param>
/// <param name="MoneyPrice">The gross price, to the cent.</param>
public sealed record SitooPriceListPrice(int PriceListId, string CurrencyIsoCode, decimal MoneyPrice);
