using Connectors.Core.Catalogue;
using FsCheck;
using FsCheck.Fluent;

namespace Connectors.Core.Tests.Catalogue;

/// <summary>Mapping options and generated Shopware products for the catalogue tests.</summary>
internal static class CatalogueProducts
{
    public static CatalogueMappingOptions Options { get; } = new()
    {
        Currency = "SEK",
        VatGroupsByRate = new Dictionary<decimal, int> { [25m] = 2, [12m] = 3, [6m] = 4, [0m] = 1 },
        PriceListsByCurrency = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase) { ["EUR"] = 7 },
        CategoriesById = new Dictionary<string, int>(StringComparer.Ordinal) { ["cat-shoes"] = 11, ["cat-sale"] = 12 },
        ManufacturersById = new Dictionary<string, int>(StringComparer.Ordinal) { ["man-acme"] = 5 },
        CustomFieldSlots = new Dictionary<string, int>(StringComparer.Ordinal) { ["material"] = 1 },
    };

    public static ShopwareCatalogueProduct Single(string number = "SHOE-1", decimal gross = 499m) => new("p-" + number)
    {
        ProductNumber = number,
        Name = "Shoe",
        TaxRate = 25m,
        Prices = [new ShopwareCataloguePrice("SEK", gross), new ShopwareCataloguePrice("EUR", 45m)],
    };

    public static ShopwareCatalogueProduct Variant(string number, params ShopwareProductOption[] options) =>
        new("v-" + number) { ParentId = "p-PARENT", ProductNumber = number, Options = options };

    public static ShopwareCatalogueProduct Parent(params ShopwareCatalogueProduct[] variants) =>
        Single("PARENT") with { Variants = variants };

    private static Gen<decimal> Gross() =>
        from units in Gen.Choose(0, 100_000)
        from fraction in Gen.Choose(0, 9_999)
        select units + (fraction / 10_000m);

    private static Gen<ShopwareCataloguePrice[]?> Prices() =>
        Gen.OneOf(
            Gen.Constant<ShopwareCataloguePrice[]?>(null),
            from sek in Gross()
            from eur in Gross()
            from list in Gen.OneOf(Gen.Constant<decimal?>(null), Gross().Select(value => (decimal?)value))
            select (ShopwareCataloguePrice[]?)[new ShopwareCataloguePrice("SEK", sek, list), new ShopwareCataloguePrice("EUR", eur)]);

    /// <summary>A parent with 1 to 12 variants that maps: distinct numbers, options, mapped VAT; variants inherit at random.</summary>
    public static Gen<ShopwareCatalogueProduct> MappableParents() =>
        from count in Gen.Choose(1, 12)
        from rate in Gen.Elements(25m, 12m, 6m, 0m)
        from parentGross in Gross()
        from variantPrices in Gen.ArrayOf(Prices(), count)
        from variantRates in Gen.ArrayOf(Gen.Elements<decimal?>(null, 25m, 6m), count)
        from names in Gen.ArrayOf(Gen.Elements<string?>(null, "Red shoe", "Blue shoe"), count)
        let variants = Enumerable.Range(0, count).Select(i => Variant($"SHOE-{i:D2}", new ShopwareProductOption("Size", (36 + i).ToString(System.Globalization.CultureInfo.InvariantCulture))) with
        {
            Prices = variantPrices[i],
            TaxRate = variantRates[i],
            Name = names[i],
        }).ToArray()
        select Single("PARENT", parentGross) with { TaxRate = rate, Variants = variants };

    public static Arbitrary<ShopwareCatalogueProduct> MappableParentArbitrary() => MappableParents().ToArbitrary();
}
