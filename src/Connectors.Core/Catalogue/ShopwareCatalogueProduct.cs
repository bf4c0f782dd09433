namespace Connectors.Core.Catalogue;

/// <summary>
/// A Shopware product as the catalogue mapping reads it: a single product, or a parent with its
/// <see cref="Variants"/>. On a variant, a null field is inherited from the parent, as Shopware does.
/// </summary>
/// <param name="Id">The Shopware product id.</param>
public sealed record ShopwareCatalogueProduct(string Id)
{
    /// <summary>The parent's id on a variant; null on a single product or a parent.</summary>
    public string? ParentId { get; init; }

    /// <summary><c>productNumber</c>: becomes the Sitoo SKU.</summary>
    public string? ProductNumber { get; init; }

    /// <summary>The translated name in the configured language; null on a variant inherits.</summary>
    public string? Name { get; init; }

    /// <summary>The translated description; null on a variant inherits.</summary>
    public string? Description { get; init; }

    /// <summary><c>active</c>; null on a variant inherits, null on a parent means active.</summary>
    public bool? Active { get; init; }

    /// <summary><c>ean</c>: becomes the Sitoo barcode.</summary>
    public string? Ean { get; init; }

    /// <summary><c>manufacturerId</c>; null on a variant inherits.</summary>
    public string? ManufacturerId { get; init; }

    /// <summary><c>manufacturerNumber</c>: the manufacturer's own product number.</summary>
    public string? ManufacturerNumber { get; init; }

    /// <summary>The rate of the product's tax entity in percent; null on a variant inherits.</summary>
    public decimal? TaxRate { get; init; }

    /// <summary><c>price</c>: gross prices per currency; null on a variant inherits.</summary>
    public IReadOnlyList<ShopwareCataloguePrice>? Prices { get; init; }

    /// <summary><c>categoryIds</c>; null on a variant inherits.</summary>
    public IReadOnlyList<string>? CategoryIds { get; init; }

    /// <summary><c>customFields</c> as text; null on a variant inherits.</summary>
    public IReadOnlyDictionary<string, string>? CustomFields { get; init; }

    /// <summary><c>options</c>: what sets a variant apart (e.g. Colour = Red); empty on single products.</summary>
    public IReadOnlyList<ShopwareProductOption> Options { get; init; } = [];

    /// <summary>The variants of a parent; empty on a single product.</summary>
    public IReadOnlyList<ShopwareCatalogueProduct> Variants { get; init; } = [];
}

/// <summary>One entry of a Shopware product's <c>price</c> field.</summary>
/// <param name="CurrencyIsoCode">The ISO 4217 code of the entry's currency.</param>
/// <param name="Gross">The gross (VAT-inclusive) price.</param>
/// <param name="ListPriceGross">The gross list price (<c>listPrice.gross</c>), shown as the recommended price.</param>
public sealed record ShopwareCataloguePrice(string CurrencyIsoCode, decimal Gross, decimal? ListPriceGross = null);

/// <summary>One option of a variant: a property group and the chosen value.</summary>
/// <param name="Group">The property group's name, e.g. Colour.</param>
/// <param name="Value">The option's name, e.g. Red.</param>
public sealed record ShopwareProductOption(string Group, string Value);
