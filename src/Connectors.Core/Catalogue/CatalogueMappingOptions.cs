namespace Connectors.Core.Catalogue;

/// <summary>What the default catalogue mapping needs to know about the Sitoo account.</summary>
public sealed record CatalogueMappingOptions
{
    /// <summary>The ISO 4217 currency whose gross price becomes <c>moneyprice</c> (Sitoo's default price list).</summary>
    public string Currency { get; init; } = "EUR";

    /// <summary>Sitoo product groups (<c>vatid</c>) by VAT rate in percent; a rate without a group is a problem.</summary>
    public IReadOnlyDictionary<decimal, int> VatGroupsByRate { get; init; } = new Dictionary<decimal, int>();

    /// <summary>Further Sitoo price lists (<c>pricelistid</c>) by ISO currency; each currency becomes a needed price.</summary>
    public IReadOnlyDictionary<string, int> PriceListsByCurrency { get; init; } = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Sitoo categories by Shopware category id; unmapped categories are left out.</summary>
    public IReadOnlyDictionary<string, int> CategoriesById { get; init; } = new Dictionary<string, int>(StringComparer.Ordinal);

    /// <summary>Sitoo manufacturers by Shopware manufacturer id; an unmapped manufacturer is left out.</summary>
    public IReadOnlyDictionary<string, int> ManufacturersById { get; init; } = new Dictionary<string, int>(StringComparer.Ordinal);

    /// <summary>Sitoo custom field slots (1 to 5, <c>custom1</c> … <c>custom5</c>) by Shopware custom field name.</summary>
    public IReadOnlyDictionary<string, int> CustomFieldSlots { get; init; } = new Dictionary<string, int>(StringComparer.Ordinal);
}
