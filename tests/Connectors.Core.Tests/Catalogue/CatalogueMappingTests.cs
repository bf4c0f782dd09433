using Connectors.Core.Catalogue;

namespace Connectors.Core.Tests.Catalogue;

public class CatalogueMappingTests
{
    private readonly DefaultCatalogueMappingPolicy _policy = new(CatalogueProducts.Options);

    [Fact]
    public void A_single_product_maps_to_one_Sitoo_product_with_its_gross_prices_VAT_group_and_mapped_ids()
    {
        var product = CatalogueProducts.Single() with
        {
            Ean = "7350000000017",
            ManufacturerId = "man-acme",
            ManufacturerNumber = "AC-1",
            CategoryIds = ["cat-unmapped", "cat-sale", "cat-shoes"],
            CustomFields = new Dictionary<string, string> { ["material"] = "Leather", ["unmapped"] = "x" },
            Prices = [new ShopwareCataloguePrice("SEK", 499.005m, 599m), new ShopwareCataloguePrice("EUR", 44.994m)],
        };

        var draft = Assert.Single(_policy.Map(product).Products);

        Assert.Equal("SHOE-1", draft.Sku);
        Assert.Equal("Shoe", draft.Title);
        Assert.Equal(499.01m, draft.MoneyPrice);
        Assert.Equal(599m, draft.MoneyPriceOrg);
        Assert.Equal(2, draft.VatId);
        Assert.True(draft.ActivePos);
        Assert.Equal("7350000000017", draft.Barcode);
        Assert.Equal(5, draft.ManufacturerId);
        Assert.Equal("AC-1", draft.SkuManufacturer);
        Assert.Equal([12, 11], draft.Categories);
        Assert.Equal(12, draft.DefaultCategoryId);
        Assert.Equal(new SitooPriceListPrice(7, "EUR", 44.99m), Assert.Single(draft.PriceListPrices));
        Assert.Equal("Leather", Assert.Single(draft.CustomFields).Value);
        Assert.Null(draft.VariantGroupSku);
    }

    [Fact]
    public void Variants_inherit_the_parents_null_fields_and_the_parent_itself_is_not_written()
    {
        var product = CatalogueProducts.Parent(
            CatalogueProducts.Variant("SHOE-B", new ShopwareProductOption("Size", "42"), new ShopwareProductOption("Colour", "Red")) with
            {
                Prices = [new ShopwareCataloguePrice("SEK", 549m), new ShopwareCataloguePrice("EUR", 50m)],
                TaxRate = 6m,
                Name = "Red shoe",
            },
            CatalogueProducts.Variant("SHOE-A", new ShopwareProductOption("Size", "41"), new ShopwareProductOption("Colour", "Red")));

        var drafts = _policy.Map(product).Products;

        Assert.Equal(["SHOE-A", "SHOE-B"], drafts.Select(draft => draft.Sku));
        var (inherited, own) = (drafts[0], drafts[1]);
        Assert.Equal(("Shoe", 499m, 2), (inherited.Title, inherited.MoneyPrice, inherited.VatId));
        Assert.Equal(("Red shoe", 549m, 4), (own.Title, own.MoneyPrice, own.VatId));
        Assert.All(drafts, draft => Assert.Equal("SHOE-A", draft.VariantGroupSku));
        Assert.Equal([new SitooVariantValue("Colour", "Red"), new SitooVariantValue("Size", "41")], inherited.VariantAttributes);
    }

    [Fact]
    public void An_inactive_parent_makes_every_variant_inactive_in_the_POS()
    {
        var product = CatalogueProducts.Parent(
            CatalogueProducts.Variant("SHOE-A", new ShopwareProductOption("Size", "41")) with { Active = true }) with { Active = false };

        Assert.False(Assert.Single(_policy.Map(product).Products).ActivePos);
    }

    public static TheoryData<string, CatalogueProblemKind> BrokenProducts => new()
    {
        { "no number", CatalogueProblemKind.MissingProductNumber },
        { "bad number", CatalogueProblemKind.InvalidSku },
        { "duplicate", CatalogueProblemKind.DuplicateSku },
        { "no EUR", CatalogueProblemKind.MissingPrice },
        { "no SEK", CatalogueProblemKind.MissingPrice },
        { "unmapped VAT", CatalogueProblemKind.UnmappedVatRate },
        { "no tax", CatalogueProblemKind.UnmappedVatRate },
        { "no options", CatalogueProblemKind.VariantWithoutOptions },
    };

    [Theory]
    [MemberData(nameof(BrokenProducts))]
    public void A_broken_product_is_refused_whole_with_the_typed_problem(string broken, CatalogueProblemKind expected)
    {
        var size = new ShopwareProductOption("Size", "41");
        var good = CatalogueProducts.Variant("SHOE-A", size);
        var product = broken switch
        {
            "no number" => CatalogueProducts.Parent(good, CatalogueProducts.Variant("", size)),
            "bad number" => CatalogueProducts.Parent(good, CatalogueProducts.Variant("SHOE B", size)),
            "duplicate" => CatalogueProducts.Parent(good, good with { Id = "v-other", Options = [new ShopwareProductOption("Size", "42")] }),
            "no EUR" => CatalogueProducts.Parent(good, CatalogueProducts.Variant("SHOE-B", size) with { Prices = [new ShopwareCataloguePrice("SEK", 1m)] }),
            "no SEK" => CatalogueProducts.Single() with { Prices = [new ShopwareCataloguePrice("EUR", 1m)] },
            "unmapped VAT" => CatalogueProducts.Parent(good, CatalogueProducts.Variant("SHOE-B", size) with { TaxRate = 19m }),
            "no tax" => CatalogueProducts.Single() with { TaxRate = null },
            _ => CatalogueProducts.Parent(good, CatalogueProducts.Variant("SHOE-B")),
        };

        var result = _policy.Map(product);

        Assert.False(result.IsMapped);
        Assert.Empty(result.Products);
        Assert.Contains(result.Problems, problem => problem.Kind == expected);
        Assert.DoesNotContain(result.Problems, problem => problem.ProductId == good.Id && expected != CatalogueProblemKind.DuplicateSku);
    }
}
