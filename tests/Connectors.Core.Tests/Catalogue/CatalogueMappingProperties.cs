using System.Text.Json;
using Connectors.Core.Catalogue;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Connectors.Core.Tests.Catalogue;

public class CatalogueMappingProperties
{
    private readonly DefaultCatalogueMappingPolicy _policy = new(CatalogueProducts.Options);

    [Property(MaxTest = 300)]
    public Property Every_variants_SKU_appears_exactly_once_and_the_parent_is_not_written() =>
        Prop.ForAll(CatalogueProducts.MappableParentArbitrary(), parent =>
        {
            var skus = _policy.Map(parent).Products.Select(draft => draft.Sku).ToList();
            Assert.Equal(parent.Variants.Select(variant => variant.ProductNumber!).Order(StringComparer.Ordinal), skus);
            Assert.DoesNotContain(parent.ProductNumber, skus);
        });

    [Property(MaxTest = 300)]
    public Property Prices_are_the_effective_gross_prices_to_the_cent() =>
        Prop.ForAll(CatalogueProducts.MappableParentArbitrary(), parent =>
        {
            foreach (var draft in _policy.Map(parent).Products)
            {
                var variant = parent.Variants.Single(v => v.ProductNumber == draft.Sku);
                var prices = variant.Prices ?? parent.Prices!;
                var sek = prices.Single(price => price.CurrencyIsoCode == "SEK");
                Assert.Equal(Math.Round(sek.Gross, 2, MidpointRounding.AwayFromZero), draft.MoneyPrice);
                Assert.True(Math.Abs(draft.MoneyPrice - sek.Gross) <= 0.005m);
                Assert.Equal(draft.MoneyPrice, Math.Round(draft.MoneyPrice, 2));
                Assert.Equal(sek.ListPriceGross is { } list ? Math.Round(list, 2, MidpointRounding.AwayFromZero) : null, draft.MoneyPriceOrg);
                Assert.Equal(
                    Math.Round(prices.Single(price => price.CurrencyIsoCode == "EUR").Gross, 2, MidpointRounding.AwayFromZero),
                    Assert.Single(draft.PriceListPrices).MoneyPrice);
            }
        });

    [Property(MaxTest = 300)]
    public Property Every_variant_gets_the_VAT_group_of_its_effective_rate() =>
        Prop.ForAll(CatalogueProducts.MappableParentArbitrary(), parent =>
        {
            foreach (var draft in _policy.Map(parent).Products)
            {
                var rate = parent.Variants.Single(v => v.ProductNumber == draft.Sku).TaxRate ?? parent.TaxRate!.Value;
                Assert.Equal(CatalogueProducts.Options.VatGroupsByRate[rate], draft.VatId);
            }
        });

    [Property(MaxTest = 300)]
    public Property Mapping_the_same_product_twice_gives_the_same_write() =>
        Prop.ForAll(CatalogueProducts.MappableParentArbitrary(), parent =>
        {
            var first = JsonSerializer.Serialize(_policy.Map(parent));
            var reordered = parent with { Variants = [.. parent.Variants.Reverse()] };
            Assert.Equal(first, JsonSerializer.Serialize(_policy.Map(parent)));
            Assert.Equal(first, JsonSerializer.Serialize(_policy.Map(reordered)));
        });
}
